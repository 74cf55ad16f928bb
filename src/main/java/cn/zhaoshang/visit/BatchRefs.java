package cn.zhaoshang.visit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Trip batches by region and name ("2017年第3批"), created when an import names a new one; their extent follows the visits. */
@Component
class BatchRefs {

    private final JdbcClient jdbc;

    BatchRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids by "region|name", creating the batches that are new. */
    Map<String, Long> ensure(Collection<String> keys) {
        List<String> distinct = keys.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        String[] regions = distinct.stream().map(k -> k.substring(0, k.indexOf('|'))).toArray(String[]::new);
        String[] names = distinct.stream().map(k -> k.substring(k.indexOf('|') + 1)).toArray(String[]::new);
        jdbc.sql("""
                insert into trip_batch (region_code, name) select * from unnest(?::text[], ?::text[])
                on conflict (region_code, name) do nothing""").params(regions, names).update();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                select b.region_code, b.name, b.id from trip_batch b
                join unnest(?::text[], ?::text[]) as k(region_code, name) on b.region_code = k.region_code and b.name = k.name""")
                .params(regions, names)
                .query((rs, n) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3)))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /**
     * Widens each touched batch to the visits recorded in it: dates, cities and the teams that went. A batch planned
     * with dates keeps them where its visits fall inside; nothing changes when nothing new was recorded.
     */
    void widen(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return;
        }
        long[] ids = batchIds.stream().distinct().mapToLong(Long::longValue).toArray();
        jdbc.sql("""
                insert into trip_batch_team (batch_id, team_id)
                select distinct v.batch_id, v.team_id from visit v where v.batch_id = any(?) and v.kind = 'VISIT'
                on conflict do nothing""").param(ids).update();
        jdbc.sql("""
                update trip_batch b set starts_on = least(b.starts_on, m.first), ends_on = greatest(b.ends_on, m.last),
                       cities = b.cities || array(select c from unnest(m.cities) c where c <> all(b.cities) order by c)
                from (select batch_id, min(visited_on) as first, max(visited_on) as last,
                             coalesce(array_agg(distinct city) filter (where city is not null), '{}') as cities
                      from visit where batch_id = any(?) and kind = 'VISIT' group by batch_id) m
                where b.id = m.batch_id
                  and (b.starts_on is null or b.starts_on > m.first or b.ends_on is null or b.ends_on < m.last
                       or not (m.cities <@ b.cities))""").param(ids).update();
    }
}
