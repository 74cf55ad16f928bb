package cn.zhaoshang.chain;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.NamedRows;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class Chains {

    private static final RowMapper<Chain> MAPPER = (rs, n) -> new Chain(rs.getLong("id"), rs.getString("name"), rs.getInt("version"));

    private final JdbcClient jdbc;

    Chains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Long> ensure(Collection<String> names) {
        return NamedRows.ensure(jdbc, "industry_chain", names);
    }

    public List<Chain> all() {
        return jdbc.sql("select * from industry_chain order by name").query(MAPPER).list();
    }

    public Optional<Chain> find(long id) {
        return jdbc.sql("select * from industry_chain where id = ?").param(id).query(MAPPER).optional();
    }

    /** Projects per chain within a data scope, for the master-data page. */
    public Map<Long, Long> projectCounts(cn.zhaoshang.common.DataScope scope) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                select p.chain_id, count(*) from project p
                where p.chain_id is not null and p.region_code between ? and ? and (cast(? as bigint) is null or p.unit_id = ?)
                group by p.chain_id""")
                .params(scope.regionFrom(), scope.regionTo(), scope.unitId(), scope.unitId())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Transactional
    public void rename(long id, String name, int version) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw DomainException.badRequest("产业链名称不能为空");
        }
        if (jdbc.sql("select count(*) from industry_chain where name = ? and id <> ?").params(trimmed, id).query(Long.class).single() > 0) {
            throw DomainException.badRequest("已有名为“" + trimmed + "”的产业链");
        }
        if (jdbc.sql("update industry_chain set name = ?, version = version + 1 where id = ? and version = ?")
                .params(trimmed, id, version).update() == 0) {
            throw DomainException.conflict("该产业链已被他人修改，请刷新后重试");
        }
    }
}
