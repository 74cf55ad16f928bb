package cn.zhaoshang.visit;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.web.Pages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a field-work page opens with: the account's region (or, for the whole country, the region with the most teams,
 * 长乐区 when there are none), and this year up to today, or the last year with visits when this year has none yet.
 */
@Component
class VisitDefaults {

    static final String FALLBACK_REGION = "350112";

    record Range(String label, String from, String to, boolean active) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    VisitDefaults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    VisitQuery query(String region, String from, String to, Actor actor) {
        DataScope scope = actor.scope();
        String r = Pages.blank(region) != null ? region.trim() : actor.defaultRegion() != null ? actor.defaultRegion()
                : jdbc.sql("""
                        select region_code from team where region_code between ? and ? group by region_code order by count(*) desc limit 1""")
                .params(scope.regionFrom(), scope.regionTo()).query(String.class).optional().orElse(FALLBACK_REGION);
        LocalDate today = LocalDate.now(clock);
        int year = lastYear(scope, today);
        String f = Pages.blank(from) != null ? from.trim() : LocalDate.of(year, 1, 1).toString();
        String t = Pages.blank(to) != null ? to.trim() : (year == today.getYear() ? today : LocalDate.of(year, 12, 31)).toString();
        return new VisitQuery(r, f, t);
    }

    List<Range> ranges(VisitQuery q) {
        LocalDate today = LocalDate.now(clock);
        List<Range> ranges = new ArrayList<>();
        add(ranges, q, "本年至今", today.withDayOfYear(1), today);
        for (int y : jdbc.sql("""
                select distinct extract(year from visited_on)::int from visit order by 1 desc limit 3""").query(Integer.class).list()) {
            if (y != today.getYear()) {
                add(ranges, q, y + "年全年", LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
        }
        return ranges;
    }

    private int lastYear(DataScope scope, LocalDate today) {
        Integer year = jdbc.sql("select extract(year from max(visited_on))::int from visit where region_code between ? and ?")
                .params(scope.regionFrom(), scope.regionTo()).query(Integer.class).optional().orElse(null);
        return year == null || year >= today.getYear() ? today.getYear() : year;
    }

    private static void add(List<Range> ranges, VisitQuery q, String label, LocalDate from, LocalDate to) {
        ranges.add(new Range(label, from.toString(), to.toString(), from.toString().equals(q.from()) && to.toString().equals(q.to())));
    }
}
