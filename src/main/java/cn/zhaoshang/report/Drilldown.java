package cn.zhaoshang.report;

import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.project.Page;
import cn.zhaoshang.project.ProjectView;
import cn.zhaoshang.project.Projects;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/** The projects behind a report figure: the same pool, narrowed the way the figure was; its count and total match. */
@Component
public class Drilldown {

    /** Which figure: any of these may be null. stage is LEAD, SIGNED or LANDED at {@code to}. */
    public record Selection(String stage, String unit, String chain, String event, Boolean onStage) {
    }

    public record Result(Page<ProjectView> page, Figures figures) {
    }

    private final ReportDatabase db;
    private final Projects projects;

    Drilldown(ReportDatabase db, Projects projects) {
        this.db = db;
        this.projects = projects;
    }

    public Result list(ReportPeriod period, Selection s, int page, int size) {
        MapSqlParameterSource params = Pool.params(period);
        StringBuilder where = new StringBuilder(Pool.WHERE);
        if (s.stage() != null) {
            where.append(" and ").append(Pool.STAGE).append(" = :stage");
            params.addValue("stage", s.stage());
        }
        if (s.unit() != null) {
            if (Reports.NO_UNIT.equals(s.unit())) {
                where.append(" and p.unit_id is null");
            } else {
                where.append(" and p.unit_id in (select u.id from unit u where u.name = :unit)");
                params.addValue("unit", s.unit());
            }
        }
        if (s.chain() != null) {
            if (Reports.NO_CHAIN.equals(s.chain())) {
                where.append(" and p.chain_id is null");
            } else {
                where.append(" and p.chain_id in (select c.id from industry_chain c where c.name = :chain)");
                params.addValue("chain", s.chain());
            }
        }
        if (s.event() != null) {
            where.append(" and p.event_id in (select e.id from signing_event e where e.name = :event) and p.signed_on <= :to");
            params.addValue("event", s.event());
        }
        if (s.onStage() != null) {
            where.append(" and p.on_stage = :onStage");
            params.addValue("onStage", s.onStage());
        }
        params.addValue("limit", size).addValue("offset", (long) page * size);
        return db.read(jdbc -> {
            List<ProjectView> items = jdbc.sql(Projects.SELECT + " where " + where + " order by p.investment desc, p.code limit :limit offset :offset")
                    .paramSource(params).query(projects.mapper()).list();
            Figures figures = jdbc.sql("""
                            select count(*), coalesce(sum(p.investment), 0.00) from project p where """ + where)
                    .paramSource(params).query((rs, n) -> new Figures(rs.getLong(1), Reports.money(rs.getBigDecimal(2)))).single();
            return new Result(new Page<>(items, figures.count(), page, size), figures);
        });
    }
}
