package cn.zhaoshang.event;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.NamedRows;
import java.sql.Date;
import java.time.LocalDate;
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
public class SigningEvents {

    private static final RowMapper<SigningEvent> MAPPER = (rs, n) -> new SigningEvent(rs.getLong("id"), rs.getString("name"),
            rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getInt("version"));

    private final JdbcClient jdbc;

    SigningEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Long> ensure(Collection<String> names) {
        return NamedRows.ensure(jdbc, "signing_event", names);
    }

    public List<SigningEvent> all() {
        return jdbc.sql("select * from signing_event order by held_on desc nulls last, name").query(MAPPER).list();
    }

    public Optional<SigningEvent> find(long id) {
        return jdbc.sql("select * from signing_event where id = ?").param(id).query(MAPPER).optional();
    }

    /** How many projects name an event, and how many of them were signed on stage. */
    public record Signings(long projects, long onStage) {
    }

    /** Projects signed at each event within a data scope, and how many of them on stage. */
    public Map<Long, Signings> projectCounts(cn.zhaoshang.common.DataScope scope) {
        Map<Long, Signings> counts = new HashMap<>();
        jdbc.sql("""
                select p.event_id, count(*), count(*) filter (where p.on_stage) from project p
                where p.event_id is not null and p.region_code between ? and ? and (cast(? as bigint) is null or p.unit_id = ?)
                group by p.event_id""")
                .params(scope.regionFrom(), scope.regionTo(), scope.unitId(), scope.unitId())
                .query((rs, n) -> Map.entry(rs.getLong(1), new Signings(rs.getLong(2), rs.getLong(3)))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Transactional
    public void update(long id, String name, LocalDate heldOn, String place, int version) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw DomainException.badRequest("活动名称不能为空");
        }
        if (jdbc.sql("select count(*) from signing_event where name = ? and id <> ?").params(trimmed, id).query(Long.class).single() > 0) {
            throw DomainException.badRequest("已有名为“" + trimmed + "”的签约活动");
        }
        if (jdbc.sql("update signing_event set name = ?, held_on = ?, place = ?, version = version + 1 where id = ? and version = ?")
                .params(trimmed, heldOn == null ? null : Date.valueOf(heldOn), place, id, version).update() == 0) {
            throw DomainException.conflict("该签约活动已被他人修改，请刷新后重试");
        }
    }
}
