package cn.zhaoshang.unit;

import cn.zhaoshang.common.DomainException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Units are matched by name within a region: two counties may each have a 市商务局. */
@Component
public class Units {

    private static final RowMapper<Unit> MAPPER = (rs, n) -> new Unit(rs.getLong("id"), rs.getString("region_code"),
            rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getInt("version"));

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select * from unit where id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Unit> find(String regionCode, String name) {
        return jdbc.sql("select * from unit where region_code = ? and name = ?").params(regionCode, name).query(MAPPER).optional();
    }

    /** Ids of the named units of a region, creating the missing ones. */
    @Transactional
    public Map<String, Long> ensure(String regionCode, Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return ids;
        }
        // one statement for all of them: an import names hundreds of units
        jdbc.sql("""
                insert into unit (region_code, name, kind) select ?, n, k from unnest(?::text[], ?::text[]) as t(n, k)
                on conflict (region_code, name) do update set name = excluded.name
                returning name, id""")
                .params(regionCode, distinct.toArray(String[]::new), distinct.stream().map(n -> UnitKind.infer(n).name()).toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    public long ensure(String regionCode, String name) {
        return ensure(regionCode, List.of(name)).get(name);
    }

    /** Units whose region lies in [from, to] (a region's code range). */
    public List<Unit> inRegions(String from, String to) {
        return jdbc.sql("select * from unit where region_code between ? and ? order by region_code, kind, name")
                .params(from, to).query(MAPPER).list();
    }

    /** Projects per unit among the units whose region lies in [from, to]; for unit staff only their own unit's. */
    public Map<Long, Long> projectCounts(String from, String to, Long onlyUnit) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                select p.unit_id, count(*) from project p
                where p.region_code between ? and ? and p.unit_id is not null and (cast(? as bigint) is null or p.unit_id = ?)
                group by p.unit_id""")
                .params(from, to, onlyUnit, onlyUnit)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Transactional
    public void update(long id, String name, UnitKind kind, int version) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw DomainException.badRequest("单位名称不能为空");
        }
        Unit current = find(id).orElseThrow(() -> DomainException.notFound("单位不存在"));
        Optional<Unit> clash = find(current.regionCode(), trimmed);
        if (clash.isPresent() && clash.get().id() != id) {
            throw DomainException.badRequest("本区域已有名为“" + trimmed + "”的单位");
        }
        int n = jdbc.sql("update unit set name = ?, kind = ?, version = version + 1 where id = ? and version = ?")
                .params(trimmed, kind.name(), id, version).update();
        if (n == 0) {
            throw DomainException.conflict("该单位已被他人修改，请刷新后重试");
        }
    }
}
