package cn.zhaoshang.project;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading the ledger: lists with search, filters, sort and paging; one project; its history. Always within a scope. */
@Component
public class Projects {

    public static final String SELECT = """
            select p.code, p.name, inv.name as investor, inv.credit_code, p.region_code, u.name as unit, u.kind as unit_kind,
                   c.name as chain, p.investment, p.foreign_investment, p.utilized_foreign_capital, p.key_project,
                   p.contacted_on, p.signed_on, p.landed_on, p.started_on, p.completed_on, p.terminated_on,
                   e.name as event, p.on_stage, p.source, ref.name as referrer, pp.code as parent_code, p.stage, p.version
            from project p
            left join unit u on u.id = p.unit_id
            left join enterprise inv on inv.id = p.investor_id
            left join enterprise ref on ref.id = p.referrer_id
            left join industry_chain c on c.id = p.chain_id
            left join signing_event e on e.id = p.event_id
            left join project pp on pp.id = p.parent_id
            """;

    private static final Map<String, String> SORTS = Map.of(
            "code", "p.code", "name", "p.name", "investment", "p.investment", "contactedOn", "p.contacted_on",
            "stage", "p.stage", "unit", "u.name");

    private final JdbcClient jdbc;
    private final Regions regions;
    private final RowMapper<ProjectView> mapper;
    private final tools.jackson.databind.json.JsonMapper json;
    private final cn.zhaoshang.audit.AuditQuery audit;

    Projects(JdbcClient jdbc, Regions regions, tools.jackson.databind.json.JsonMapper json, cn.zhaoshang.audit.AuditQuery audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.regions = regions;
        this.json = json;
        this.mapper = (rs, n) -> {
            Stage stage = Stage.valueOf(rs.getString("stage"));
            return new ProjectView(rs.getString("code"), rs.getString("name"), rs.getString("investor"),
                    rs.getString("credit_code"), rs.getString("region_code"), regions.name(rs.getString("region_code")),
                    rs.getString("unit"), rs.getString("unit_kind"), rs.getString("chain"), rs.getBigDecimal("investment"),
                    rs.getBigDecimal("foreign_investment"), rs.getBigDecimal("utilized_foreign_capital"),
                    rs.getBoolean("key_project"), rs.getObject("contacted_on", java.time.LocalDate.class),
                    rs.getObject("signed_on", java.time.LocalDate.class), rs.getObject("landed_on", java.time.LocalDate.class),
                    rs.getObject("started_on", java.time.LocalDate.class), rs.getObject("completed_on", java.time.LocalDate.class),
                    rs.getObject("terminated_on", java.time.LocalDate.class), rs.getString("event"), rs.getBoolean("on_stage"),
                    rs.getString("source"), rs.getString("referrer"), rs.getString("parent_code"), stage, stage.label(),
                    rs.getInt("version"));
        };
    }

    public RowMapper<ProjectView> mapper() {
        return mapper;
    }

    public Page<ProjectView> list(ProjectFilter f, DataScope scope) {
        StringBuilder where = new StringBuilder(" where p.region_code between :rf and :rt");
        MapSqlParameterSource params = new MapSqlParameterSource();
        DataScope s = scope;
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            Region r = regions.require(f.regionCode());
            s = scope.within(r.rangeFrom(), r.rangeTo());
        }
        params.addValue("rf", s.regionFrom()).addValue("rt", s.regionTo());
        if (s.unitId() != null) {
            where.append(" and p.unit_id = :scopeUnit");
            params.addValue("scopeUnit", s.unitId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String text = f.q().trim();
            if (text.codePointCount(0, text.length()) >= 2) {
                // the same projects as below, each way of matching found through its own index (name pieces: V4), so a
                // search reads the few matching rows instead of every project of the region and every enterprise
                where.append(" " + """
                         and p.id in (
                            select n.id from project n where name_bigrams(n.name) @> name_bigrams(cast(:text as text)) and n.name like :q
                            union all select c.id from project c where c.code = :code
                            union all select x.id from project x where x.investor_id in (
                                select e.id from enterprise e
                                where name_bigrams(e.name) @> name_bigrams(cast(:text as text)) and e.name like :q
                                union all select e.id from enterprise e where e.credit_code = :code
                                union all select a.enterprise_id from enterprise_alias a where a.alias like :q))""");
            } else {
                where.append(" and (p.name like :q or p.code = :code or inv.name like :q or inv.credit_code = :code"
                        + " or exists (select 1 from enterprise_alias a where a.enterprise_id = p.investor_id and a.alias like :q))");
            }
            params.addValue("q", "%" + escapeLike(text) + "%").addValue("code", text.toUpperCase()).addValue("text", text);
        }
        if (f.stage() != null) {
            where.append(" and p.stage = :stage");
            params.addValue("stage", f.stage().name());
        }
        if (f.unitId() != null) {
            where.append(" and p.unit_id = :unit");
            params.addValue("unit", f.unitId());
        }
        if (f.chainId() != null) {
            where.append(" and p.chain_id = :chain");
            params.addValue("chain", f.chainId());
        }
        if (f.keyProject() != null) {
            where.append(" and p.key_project = :key");
            params.addValue("key", f.keyProject());
        }
        String order = SORTS.getOrDefault(f.sort() == null ? "" : f.sort(), "p.contacted_on");
        boolean asc = f.sort() != null && SORTS.containsKey(f.sort()) && f.ascending();
        String sql = SELECT + where + " order by " + order + (asc ? " asc" : " desc") + ", p.code limit :limit offset :offset";
        params.addValue("limit", f.size()).addValue("offset", (long) f.page() * f.size());
        List<ProjectView> items = jdbc.sql(sql).paramSource(params).query(mapper).list();
        long total = jdbc.sql("select count(*) from project p left join enterprise inv on inv.id = p.investor_id" + where)
                .paramSource(params).query(Long.class).single();
        return new Page<>(items, total, f.page(), f.size());
    }

    public Optional<ProjectView> find(String code, DataScope scope) {
        return jdbc.sql(SELECT + " where p.code = :code and p.region_code between :rf and :rt"
                        + " and (cast(:unit as bigint) is null or p.unit_id = :unit)")
                .param("code", code).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query(mapper).optional();
    }

    /** A project's children (fission) within scope. */
    public List<ProjectView> children(String code, DataScope scope) {
        return jdbc.sql(SELECT + " where pp.code = :code and p.region_code between :rf and :rt"
                        + " and (cast(:unit as bigint) is null or p.unit_id = :unit) order by p.code")
                .param("code", code).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query(mapper).list();
    }

    public record Revision(int version, java.time.Instant recordedAt, String recordedBy, String action,
                           List<Map<String, String>> changes) {
        public String actionName() {
            return switch (action) {
                case "CREATE" -> "新建";
                case "UPDATE" -> "修改";
                case "IMPORT_CREATE" -> "导入新建";
                default -> "导入更新";
            };
        }
    }

    /** The project's change history, read from the audit trail: who, when, and each field's old and new value. */
    public List<Revision> history(String code) {
        return audit.of("project", code).stream().map(r -> {
            Map<String, Object> detail = r.detail() == null ? Map.of()
                    : json.readValue(r.detail(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                    });
            @SuppressWarnings("unchecked")
            List<Map<String, String>> changes = (List<Map<String, String>>) detail.getOrDefault("changes", List.of());
            int version = detail.get("version") instanceof Number n ? n.intValue() : 0;
            return new Revision(version, r.at(), r.username(), r.action().replaceFirst("^PROJECT_", ""), changes);
        }).toList();
    }

    /** The region with the most projects in scope: a sensible default for pickers. */
    public Optional<String> busiestRegion(DataScope scope) {
        return jdbc.sql("""
                        select region_code from project where region_code between :rf and :rt
                          and (cast(:unit as bigint) is null or unit_id = :unit)
                        group by region_code order by count(*) desc, region_code limit 1""")
                .param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query(String.class).optional();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
