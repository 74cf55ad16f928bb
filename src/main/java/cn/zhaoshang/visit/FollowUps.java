package cn.zhaoshang.visit;

import cn.zhaoshang.common.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The follow-up list: every visit whose 下次跟进日期 is set and not yet done, for a team or for a user (the teams they
 * work in, and the visits they recorded), in three buckets: overdue, due today, upcoming.
 */
@Component
class FollowUps {

    static final int UPCOMING_DAYS = 30;

    record Item(long visitId, LocalDate visitedOn, String kind, long teamId, String team, long enterpriseId, String enterprise,
                String nextStep, LocalDate followUpOn, long daysLate, String projectCode) {
    }

    record Buckets(LocalDate today, List<Item> overdue, List<Item> dueToday, List<Item> upcoming) {
        public int size() {
            return overdue.size() + dueToday.size() + upcoming.size();
        }
    }

    // names and codes looked up per row: a join made the planner read every enterprise for a list of a few hundred
    private static final String SELECT = """
            select v.id, v.visited_on, v.kind, t.id, t.name, v.enterprise_id,
                   (select e.name from enterprise e where e.id = v.enterprise_id) as enterprise, v.next_step, v.follow_up_on,
                   (select p.code from project p where p.id = v.project_id)
            from visit v join team t on t.id = v.team_id
            where v.follow_up_on is not null and v.follow_up_done_on is null and v.follow_up_on <= :until
              and t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Buckets forTeam(long teamId, DataScope scope) {
        return buckets(SELECT + " and v.team_id = :team", scope, teamId, null);
    }

    Buckets forUser(String username, DataScope scope) {
        return buckets(SELECT + """
                 and (v.created_by = :user or v.team_id in (select team_id from team_user where username = :user))""",
                scope, null, username);
    }

    private Buckets buckets(String sql, DataScope scope, Long team, String user) {
        LocalDate today = LocalDate.now(clock);
        List<Item> items = jdbc.sql(sql + " order by v.follow_up_on, t.name, enterprise, v.id limit 2000")
                .param("until", today.plusDays(UPCOMING_DAYS)).param("rf", scope.regionFrom()).param("rt", scope.regionTo())
                .param("unit", scope.unitId()).param("team", team).param("user", user)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(9, LocalDate.class);
                    return new Item(rs.getLong(1), rs.getObject(2, LocalDate.class), Kind.valueOf(rs.getString(3)).label(),
                            rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), due,
                            Math.max(0, today.toEpochDay() - due.toEpochDay()), rs.getString(10));
                })
                .list();
        return new Buckets(today,
                items.stream().filter(i -> i.followUpOn().isBefore(today)).toList(),
                items.stream().filter(i -> i.followUpOn().isEqual(today)).toList(),
                items.stream().filter(i -> i.followUpOn().isAfter(today)).toList());
    }
}
