package cn.zhaoshang.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Setting indexes and constraints aside for a bulk load and putting them back, in the same transaction (what
 * pg_restore does): building an index once over all rows and checking a foreign key with one join are many times
 * cheaper than maintaining them row by row. Everything is read from the catalog, so what a later migration adds is
 * rebuilt too. Primary keys and unique constraints stay in force during the load, except on the tables named as
 * {@code keyTables}, whose rows come out of one generator loop and are too many to index row by row; for those they
 * are added back first, so a duplicate fails the load before anything is committed. Their own triggers (a visit's
 * reference check, V8) are disabled for the load too: the caller checks what they would have checked, once.
 */
final class BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    /** The definitions to put back, in order. */
    record Suspended(List<String> keys, List<String> indexes, List<String> foreignKeys, List<String> triggerTables) {
    }

    private BulkLoad() {
    }

    static Suspended suspend(Connection c, List<String> tables, List<String> keyTables) throws SQLException {
        String[] all = tables.toArray(String[]::new);
        String[] keyed = keyTables.toArray(String[]::new);
        List<String> drops = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        // foreign keys of the tables, and those that point at their keys, go first
        try (PreparedStatement ps = c.prepareStatement("""
                select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                where contype = 'f' and (conrelid = any(?::regclass[]) or confrelid = any(?::regclass[])) order by 1, 2""")) {
            ps.setArray(1, c.createArrayOf("text", all));
            ps.setArray(2, c.createArrayOf("text", keyed));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    foreignKeys.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                where contype in ('p', 'u') and conrelid = any(?::regclass[]) order by contype, 1, 2""")) {
            ps.setArray(1, c.createArrayOf("text", keyed));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    keys.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = any(?::regclass[])
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                order by 1""")) {
            ps.setArray(1, c.createArrayOf("text", all));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("drop index " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
        }
        for (String table : keyTables) {
            drops.add("alter table " + table + " disable trigger user");
        }
        try (Statement s = c.createStatement()) {
            for (String sql : drops) {
                s.execute(sql);
            }
        }
        return new Suspended(keys, indexes, foreignKeys, keyTables);
    }

    static void restore(Connection c, Suspended suspended) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("set local maintenance_work_mem = '512MB'");
            for (String sql : suspended.keys()) {
                s.execute(sql);
            }
            long t1 = System.nanoTime();
            for (String sql : suspended.indexes()) {
                s.execute(sql);
            }
            long t2 = System.nanoTime();
            for (String sql : suspended.foreignKeys()) {
                s.execute(sql);
            }
            for (String table : suspended.triggerTables()) {
                s.execute("alter table " + table + " enable trigger user");
            }
            log.info("重建 {} 个主键和唯一约束用时 {} 秒，{} 个索引用时 {} 秒，校验 {} 个外键用时 {} 秒", suspended.keys().size(),
                    seconds(t1 - t0), suspended.indexes().size(), seconds(t2 - t1), suspended.foreignKeys().size(),
                    seconds(System.nanoTime() - t2));
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
