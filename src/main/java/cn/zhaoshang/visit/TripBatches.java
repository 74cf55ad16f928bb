package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Trip batches (批次): dates, cities, the teams that go and the enterprises each is to visit; the plan against the visits. */
@Component
public class TripBatches {

    /** A batch as planned; {@code plan} names, per team, the enterprises it is to visit. */
    public record Spec(String name, String regionCode, LocalDate startsOn, LocalDate endsOn, List<String> cities,
                       List<String> teams, List<Plan> plan) {
    }

    public record Plan(String team, EnterpriseRef enterprise) {
    }

    /** Plan against record: planned visits made, visits outside the plan. */
    record Listed(long id, String name, String regionCode, LocalDate startsOn, LocalDate endsOn, String cities, String teams,
                  long planned, long plannedVisited, long visits, long unplanned, long days) {
        public long perDay() {
            return days == 0 ? 0 : Math.round((double) visits / days);
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final TeamRefs teams;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final JsonMapper json;

    TripBatches(JdbcClient jdbc, Regions regions, TeamRefs teams, Enterprises enterprises, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.teams = teams;
        this.enterprises = enterprises;
        this.audit = audit;
        this.json = json;
    }

    /** Creates the batch or replaces the plan of the one of that name; teams are matched by name in the region. */
    @Transactional
    public long save(Spec spec, Actor actor) {
        String name = spec.name() == null ? "" : spec.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.badRequest(name.isEmpty() ? "批次名称不能为空（如 2017年第3批）" : "批次名称过长（最多100个字）");
        }
        Region region = regions.resolve(spec.regionCode()).orElseThrow(() ->
                DomainException.badRequest("未知的行政区划代码：" + spec.regionCode()));
        if (!actor.scope().coversRegion(region.code()) || actor.unitId() != null) {
            throw DomainException.badRequest("超出您的数据范围：只有" + region.name() + "招商办可以安排批次");
        }
        if (spec.startsOn() != null && spec.endsOn() != null && spec.endsOn().isBefore(spec.startsOn())) {
            throw DomainException.badRequest("结束日期不能早于开始日期");
        }
        List<String> teamNames = new ArrayList<>(spec.teams());
        spec.plan().forEach(p -> teamNames.add(p.team()));
        Map<String, TeamRefs.Ref> teamIds = teams.find(teamNames.stream().map(t -> region.code() + "|" + t.strip()).distinct().toList());
        for (String t : teamNames) {
            if (!teamIds.containsKey(region.code() + "|" + t.strip())) {
                throw DomainException.badRequest(region.name() + "没有名为“" + t.strip() + "”的小分队");
            }
        }
        String[] cities = spec.cities().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        long id = jdbc.sql("""
                insert into trip_batch (name, region_code, starts_on, ends_on, cities) values (?, ?, ?, ?, ?)
                on conflict (region_code, name) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                    cities = excluded.cities, version = trip_batch.version + 1
                returning id""")
                .params(name, region.code(), spec.startsOn(), spec.endsOn(), cities).query(Long.class).single();
        jdbc.sql("delete from trip_batch_plan where batch_id = ?").param(id).update();
        for (String t : spec.teams()) {
            jdbc.sql("insert into trip_batch_team (batch_id, team_id) values (?, ?) on conflict do nothing")
                    .params(id, teamIds.get(region.code() + "|" + t.strip()).id()).update();
        }
        Map<EnterpriseRef, Long> ids = enterprises.resolve(spec.plan().stream().map(Plan::enterprise).toList());
        for (Plan p : spec.plan()) {
            long team = teamIds.get(region.code() + "|" + p.team().strip()).id();
            jdbc.sql("insert into trip_batch_team (batch_id, team_id) values (?, ?) on conflict do nothing").params(id, team).update();
            jdbc.sql("insert into trip_batch_plan (batch_id, team_id, enterprise_id) values (?, ?, ?) on conflict do nothing")
                    .params(id, team, ids.get(p.enterprise())).update();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put("startsOn", String.valueOf(spec.startsOn()));
        detail.put("endsOn", String.valueOf(spec.endsOn()));
        detail.put("cities", List.of(cities));
        detail.put("teams", spec.teams().size());
        detail.put("planned", spec.plan().size());
        audit.recordAllAs(actor.username(), List.of(AuditEntry.success("TRIP_BATCH_SAVE", "trip_batch", String.valueOf(id),
                json.writeValueAsString(detail))));
        return id;
    }

    List<Listed> list(DataScope scope) {
        return jdbc.sql("""
                with st as (select id from team where region_code between :rf and :rt
                              and (cast(:unit as bigint) is null or unit_id = :unit))
                select b.id, b.name, b.region_code, b.starts_on, b.ends_on, array_to_string(b.cities, '、'),
                       (select string_agg(t.name, '、' order by t.name) from trip_batch_team bt join team t on t.id = bt.team_id
                        where bt.batch_id = b.id and bt.team_id in (select id from st)),
                       (select count(*) from trip_batch_plan p where p.batch_id = b.id and p.team_id in (select id from st)),
                       (select count(*) from trip_batch_plan p where p.batch_id = b.id and p.team_id in (select id from st)
                          and exists (select 1 from visit v where v.batch_id = b.id and v.team_id = p.team_id
                                        and v.enterprise_id = p.enterprise_id and v.kind = 'VISIT')),
                       (select count(*) from visit v where v.batch_id = b.id and v.kind = 'VISIT' and v.team_id in (select id from st)),
                       (select count(*) from visit v where v.batch_id = b.id and v.kind = 'VISIT' and v.team_id in (select id from st)
                          and not exists (select 1 from trip_batch_plan p where p.batch_id = b.id and p.team_id = v.team_id
                                            and p.enterprise_id = v.enterprise_id)),
                       (select count(distinct v.visited_on) from visit v where v.batch_id = b.id and v.kind = 'VISIT'
                          and v.team_id in (select id from st))
                from trip_batch b
                where b.region_code between :rf and :rt
                order by b.starts_on nulls last, b.name""")
                .param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12)))
                .list();
    }
}
