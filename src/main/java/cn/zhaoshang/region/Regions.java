package cn.zhaoshang.region;

import cn.zhaoshang.common.DomainException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The GB/T 2260 directory, held in memory (3,351 current codes): lookups on every imported row must be cheap.
 * A retired code resolves to its successor.
 */
@Component
public class Regions {

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, RegionSuccession> retired = new HashMap<>();
    private final Map<String, List<Region>> children = new HashMap<>();

    Regions(JdbcClient jdbc) {
        jdbc.sql("select code, name, level, parent_code, full_name from region")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .list()
                .forEach(r -> byCode.put(r.code(), r));
        jdbc.sql("select old_code, old_name, new_code, effective_on, note from region_succession")
                .query((rs, n) -> new RegionSuccession(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5)))
                .list()
                .forEach(s -> retired.put(s.oldCode(), s));
        for (Region r : byCode.values()) {
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        children.values().forEach(l -> l.sort(Comparator.comparing(Region::code)));
    }

    /** The current region for a code, following retired codes to their successors; empty when unknown. */
    public Optional<Region> resolve(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        Region r = byCode.get(c);
        if (r != null) {
            return Optional.of(r);
        }
        RegionSuccession s = retired.get(c);
        return s == null ? Optional.empty() : Optional.ofNullable(byCode.get(s.newCode()));
    }

    /** Like {@link #resolve} but a bad code is the user's error, named in Chinese. */
    public Region require(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.badRequest("缺少参数 region（行政区划代码）");
        }
        return resolve(code).orElseThrow(() -> DomainException.badRequest("未知的行政区划代码：" + code.trim()));
    }

    public Optional<RegionSuccession> succession(String oldCode) {
        return Optional.ofNullable(retired.get(oldCode));
    }

    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<Region> provinces() {
        return byCode.values().stream().filter(r -> r.level() == 1).sorted(Comparator.comparing(Region::code)).toList();
    }

    /** The region and its ancestors, from the province down. */
    public List<Region> path(String code) {
        java.util.LinkedList<Region> path = new java.util.LinkedList<>();
        Region r = byCode.get(code);
        while (r != null) {
            path.addFirst(r);
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        return path;
    }

    public Collection<RegionSuccession> retiredCodes() {
        return retired.values();
    }

    public String name(String code) {
        Region r = byCode.get(code);
        return r == null ? code : r.name();
    }
}
