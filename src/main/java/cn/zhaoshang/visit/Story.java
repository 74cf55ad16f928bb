package cn.zhaoshang.visit;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.project.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An enterprise's story: every visit and inspection of the teams the user may see, the projects it invested in or that
 * a visit concerned (with the stage each reached), and who referred whom (以商招商).
 */
@Component
class Story {

    record Visit(long id, LocalDate visitedOn, String kind, String kindCode, long teamId, String team, String batch, String city,
                 String leader, String members, String discussion, String nextStep, LocalDate followUpOn, LocalDate followUpDoneOn,
                 String projectCode) {
    }

    record Project(String code, String name, String investor, String stage, String stageName, LocalDate contactedOn,
                   LocalDate signedOn, LocalDate landedOn, BigDecimal investment, String referrer, Long referrerId) {
    }

    record Told(List<Visit> visits, long visitCount, long inspectionCount, List<Project> projects, List<Project> referred) {
    }

    private final JdbcClient jdbc;

    Story(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Told of(long enterpriseId, DataScope scope) {
        List<Visit> visits = jdbc.sql("""
                select v.id, v.visited_on, v.kind, t.id, t.name, b.name, v.city, v.leader, v.members, v.discussion, v.next_step,
                       v.follow_up_on, v.follow_up_done_on, p.code
                from visit v join team t on t.id = v.team_id
                left join trip_batch b on b.id = v.batch_id left join project p on p.id = v.project_id
                where v.enterprise_id = :e and t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)
                order by v.visited_on, v.id""")
                .param("e", enterpriseId).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getObject(2, LocalDate.class), Kind.valueOf(rs.getString(3)).label(),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
                        rs.getObject(13, LocalDate.class), rs.getString(14)))
                .list();
        String projects = """
                select p.code, p.name, inv.name, p.stage, p.contacted_on, p.signed_on, p.landed_eff, p.investment, ref.name, ref.id
                from project p left join enterprise inv on inv.id = p.investor_id left join enterprise ref on ref.id = p.referrer_id
                where p.region_code between :rf and :rt and (cast(:unit as bigint) is null or p.unit_id = :unit) and %s
                order by p.contacted_on, p.code""";
        List<Project> own = projects(projects.formatted(
                "(p.investor_id = :e or p.id in (select project_id from visit where enterprise_id = :e and project_id is not null))"),
                enterpriseId, scope);
        List<Project> referred = projects(projects.formatted("p.referrer_id = :e"), enterpriseId, scope);
        long visitCount = visits.stream().filter(v -> v.kindCode().equals("VISIT")).count();
        return new Told(visits, visitCount, visits.size() - visitCount, own, referred);
    }

    private List<Project> projects(String sql, long enterpriseId, DataScope scope) {
        return jdbc.sql(sql).param("e", enterpriseId).param("rf", scope.regionFrom()).param("rt", scope.regionTo())
                .param("unit", scope.unitId())
                .query((rs, n) -> {
                    Stage stage = Stage.valueOf(rs.getString(4));
                    return new Project(rs.getString(1), rs.getString(2), rs.getString(3), stage.name(), stage.label(),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                            rs.getBigDecimal(8), rs.getString(9), (Long) rs.getObject(10));
                })
                .list();
    }
}
