package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Investment teams and their assignment: 定向 (chains, cities), 定人 (leader, members, accounts), 定点 (target enterprises). */
@Component
public class Teams {

    /** A team as a form or the demo states it; names are resolved (and created when new) on save. */
    public record Spec(String name, String regionCode, String unit, String leader, String members, List<String> chains,
                       List<String> cities, List<EnterpriseRef> targets, List<String> users) {
    }

    /** A team in a list, with its coverage in a period: target enterprises visited / target enterprises. */
    record Listed(long id, String name, String regionCode, String unit, String leader, String members, String chains,
                  String cities, long targets, long targetsVisited, long visits, int version) {
        public BigDecimal coverage() {
            return VisitFigures.perDay(targetsVisited * 100, targets);
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Units units;
    private final Chains chains;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final JsonMapper json;

    Teams(JdbcClient jdbc, Regions regions, Units units, Chains chains, Enterprises enterprises, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.units = units;
        this.chains = chains;
        this.enterprises = enterprises;
        this.audit = audit;
        this.json = json;
    }

    /** Creates ({@code id} null) or updates a team read at {@code version}; answers its id. */
    @Transactional
    public long save(Long id, Spec spec, Integer version, Actor actor) {
        String name = spec.name() == null ? "" : spec.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.badRequest(name.isEmpty() ? "小分队名称不能为空" : "小分队名称过长（最多100个字）");
        }
        Region region = regions.resolve(spec.regionCode()).orElseThrow(() ->
                DomainException.badRequest("未知的行政区划代码：" + spec.regionCode()));
        DataScope scope = actor.scope();
        if (!scope.coversRegion(region.code())) {
            throw DomainException.badRequest("超出您的数据范围：行政区划" + region.code() + "（" + region.name() + "）");
        }
        Long unitId = scope.unitId() != null ? scope.unitId()
                : spec.unit() == null || spec.unit().isBlank() ? null : units.ensure(region.code(), spec.unit().strip());
        Long taken = jdbc.sql("select id from team where region_code = ? and name = ?").params(region.code(), name)
                .query(Long.class).optional().orElse(null);
        if (taken != null && !taken.equals(id)) {
            throw DomainException.conflict(region.name() + "已有名为“" + name + "”的小分队");
        }
        String[] cities = spec.cities().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        if (id == null) {
            id = jdbc.sql("""
                    insert into team (name, region_code, unit_id, leader, members, cities) values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(name, region.code(), unitId, blank(spec.leader()), blank(spec.members()), cities).query(Long.class).single();
        } else {
            named(id, scope).orElseThrow(() -> DomainException.notFound("小分队不存在"));
            int updated = jdbc.sql("""
                    update team set name = ?, region_code = ?, unit_id = ?, leader = ?, members = ?, cities = ?, version = version + 1
                    where id = ? and (cast(? as int) is null or version = ?)""")
                    .params(name, region.code(), unitId, blank(spec.leader()), blank(spec.members()), cities, id, version, version)
                    .update();
            if (updated == 0) {
                throw DomainException.conflict("小分队已被他人修改，请刷新后重试");
            }
            jdbc.sql("delete from team_chain where team_id = ?").param(id).update();
            jdbc.sql("delete from team_target where team_id = ?").param(id).update();
            jdbc.sql("delete from team_user where team_id = ?").param(id).update();
        }
        long teamId = id;
        chains.ensure(spec.chains().stream().map(String::strip).filter(s -> !s.isEmpty()).toList()).values().forEach(c ->
                jdbc.sql("insert into team_chain (team_id, chain_id) values (?, ?) on conflict do nothing").params(teamId, c).update());
        enterprises.resolve(spec.targets()).values().forEach(e ->
                jdbc.sql("insert into team_target (team_id, enterprise_id) values (?, ?) on conflict do nothing").params(teamId, e).update());
        spec.users().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().forEach(u ->
                jdbc.sql("insert into team_user (team_id, username) values (?, ?)").params(teamId, u).update());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put("region", region.code());
        detail.put("leader", blank(spec.leader()));
        detail.put("members", blank(spec.members()));
        detail.put("chains", spec.chains());
        detail.put("cities", List.of(cities));
        detail.put("targets", spec.targets().size());
        audit.recordAllAs(actor.username(), List.of(AuditEntry.success(version == null && taken == null ? "TEAM_CREATE" : "TEAM_UPDATE",
                "team", String.valueOf(teamId), json.writeValueAsString(detail))));
        return teamId;
    }

    /** Saves the team of that name in that region, creating it when new (for loaders that run more than once). */
    @Transactional
    public long put(Spec spec, Actor actor) {
        Long id = regions.resolve(spec.regionCode()).flatMap(r -> jdbc.sql("select id from team where region_code = ? and name = ?")
                .params(r.code(), spec.name() == null ? "" : spec.name().strip()).query(Long.class).optional()).orElse(null);
        return save(id, spec, null, actor);
    }

    static final String LIST = """
            select t.id, t.name, t.region_code, u.name as unit, t.leader, t.members,
                   (select string_agg(c.name, '、' order by c.name) from team_chain tc join industry_chain c on c.id = tc.chain_id
                    where tc.team_id = t.id) as chains,
                   array_to_string(t.cities, '、') as cities,
                   (select count(*) from team_target tt where tt.team_id = t.id) as targets,
                   (select count(*) from team_target tt where tt.team_id = t.id and exists (
                        select 1 from visit v where v.team_id = t.id and v.enterprise_id = tt.enterprise_id and v.kind = 'VISIT'
                          and v.visited_on between :from and :to)) as targets_visited,
                   (select count(*) from visit v where v.team_id = t.id and v.kind = 'VISIT' and v.visited_on between :from and :to) as visits,
                   t.version
            from team t left join unit u on u.id = t.unit_id
            where t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)
            """;

    List<Listed> list(DataScope scope, LocalDate from, LocalDate to) {
        return query(LIST + " order by t.region_code, t.name", scope, from, to, null);
    }

    /** A team's id and name, for a picker or a heading: none of {@link #LIST}'s counts over the visits. */
    record Named(long id, String name) {
    }

    private static final String NAMED = """
            select t.id, t.name from team t
            where t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)
            """;

    /** The teams within the scope, by region and name. */
    List<Named> names(DataScope scope) {
        return named(NAMED + " order by t.region_code, t.name", scope, null);
    }

    /** The team, when it is within the scope. */
    Optional<Named> named(long id, DataScope scope) {
        return named(NAMED + " and t.id = :id", scope, id).stream().findFirst();
    }

    private List<Named> named(String sql, DataScope scope, Long id) {
        return jdbc.sql(sql).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .param("id", id).query((rs, n) -> new Named(rs.getLong(1), rs.getString(2))).list();
    }

    Optional<Listed> find(long id, DataScope scope, LocalDate from, LocalDate to) {
        return query(LIST + " and t.id = :id", scope, from, to, id).stream().findFirst();
    }

    /** Teams the user works in (team_user), else none: the entry form pre-selects the first. */
    List<Long> teamsOf(String username) {
        return jdbc.sql("select team_id from team_user where username = ? order by team_id").param(username).query(Long.class).list();
    }

    record Target(long id, String name, String creditCode, long visits, LocalDate lastVisit) {
    }

    List<Target> targets(long teamId) {
        return jdbc.sql("""
                select e.id, e.name, e.credit_code, count(v.id), max(v.visited_on)
                from team_target tt join enterprise e on e.id = tt.enterprise_id
                left join visit v on v.team_id = tt.team_id and v.enterprise_id = e.id and v.kind = 'VISIT'
                where tt.team_id = ? group by e.id, e.name, e.credit_code order by count(v.id), e.name""")
                .param(teamId)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    List<String> users(long teamId) {
        return jdbc.sql("select username from team_user where team_id = ? order by username").param(teamId).query(String.class).list();
    }

    private List<Listed> query(String sql, DataScope scope, LocalDate from, LocalDate to, Long id) {
        return jdbc.sql(sql).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .param("from", from).param("to", to).param("id", id)
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getInt(12)))
                .list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
