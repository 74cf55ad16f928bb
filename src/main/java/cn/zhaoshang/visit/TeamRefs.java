package cn.zhaoshang.visit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Teams by home region and name, as an import names them: found, or created when new. */
@Component
class TeamRefs {

    /** A team as the import needs it. */
    record Ref(long id, String regionCode, String name, Long unitId) {
        String key() {
            return regionCode + "|" + name;
        }
    }

    private final JdbcClient jdbc;

    TeamRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Existing teams for keys "region|name". */
    Map<String, Ref> find(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String[] regions = keys.stream().map(k -> k.substring(0, k.indexOf('|'))).toArray(String[]::new);
        String[] names = keys.stream().map(k -> k.substring(k.indexOf('|') + 1)).toArray(String[]::new);
        Map<String, Ref> found = new HashMap<>();
        jdbc.sql("""
                select t.id, t.region_code, t.name, t.unit_id from team t
                join unnest(?::text[], ?::text[]) as k(region_code, name) on t.region_code = k.region_code and t.name = k.name""")
                .params(regions, names)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
                .list()
                .forEach(r -> found.put(r.key(), r));
        return found;
    }

    /** Ids for every key, creating the teams that are new with {@code unitId} (the importing unit's, or none). */
    Map<String, Ref> ensure(Collection<String> keys, Long unitId) {
        Map<String, Ref> refs = new HashMap<>(find(keys));
        List<String> missing = keys.stream().filter(k -> !refs.containsKey(k)).distinct().toList();
        if (!missing.isEmpty()) {
            // one statement for all of an import's new teams; a team another import created a moment ago is simply found
            jdbc.sql("""
                    insert into team (name, region_code, unit_id) select n, r, cast(? as bigint) from unnest(?::text[], ?::text[]) as k(n, r)
                    on conflict (region_code, name) do nothing""")
                    .params(unitId, missing.stream().map(k -> k.substring(k.indexOf('|') + 1)).toArray(String[]::new),
                            missing.stream().map(k -> k.substring(0, k.indexOf('|'))).toArray(String[]::new))
                    .update();
        }
        refs.putAll(find(missing));
        return refs;
    }
}
