package cn.zhaoshang.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Master data known by a unique {@code name} column (industry chains, signing events). */
public final class NamedRows {

    private NamedRows() {
    }

    /**
     * The ids of the rows named, the missing ones created: one statement for all of them, as a province's workbook
     * names hundreds. {@code table} is the caller's constant, never user input.
     */
    public static Map<String, Long> ensure(JdbcClient jdbc, String table, Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        // sorted: one order for every writer, so two imports naming the same rows never wait on each other in a cycle
        String[] distinct = names.stream().distinct().sorted().toArray(String[]::new);
        if (distinct.length == 0) {
            return ids;
        }
        jdbc.sql("insert into " + table + " (name) select unnest(?::text[])"
                        + " on conflict (name) do update set name = excluded.name returning name, id")
                .param(distinct)
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }
}
