package cn.zhaoshang.project;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every import is on record: who, when, which file, what it did. */
@Component
class ImportLog {

    private final JdbcClient jdbc;

    ImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(String kind, String fileName, String actor, Instant at, int rows, int created, int updated, int unchanged) {
        return jdbc.sql("""
                insert into import_batch (kind, file_name, imported_by, imported_at, rows_total, created, updated, unchanged)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(kind, fileName, actor, Timestamp.from(at), rows, created, updated, unchanged)
                .query(Long.class).single();
    }
}
