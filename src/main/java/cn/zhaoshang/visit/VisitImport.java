package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.sheet.Sheet;
import cn.zhaoshang.sheet.SheetReader;
import cn.zhaoshang.sheet.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visits import (CONTRACT.md §5): every bad cell is reported and nothing is written, or every row is written.
 * The same file twice changes nothing: a visit is known again by its date, team, enterprise and 方式.
 */
@Service
public class VisitImport {

    static final int MAX_ROWS = 200_000;

    private final VisitRows parser;
    private final VisitChecks checks;
    private final VisitWriter writer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    VisitImport(VisitRows parser, VisitChecks checks, VisitWriter writer, JdbcClient jdbc, Clock clock, AuditTrail audit,
                TransactionTemplate tx, JsonMapper json) {
        this.parser = parser;
        this.checks = checks;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
    }

    public VisitImportResult importFile(String fileName, InputStream in, Actor actor) throws IOException {
        Sheet sheet = SheetReader.read(fileName, in, MAX_ROWS);
        return importRows(fileName, sheet.headers(), sheet.rows(), actor);
    }

    /** All or nothing in one transaction; a rejected file is on record too. */
    public VisitImportResult importRows(String fileName, List<String> headers, List<SheetRow> rows, Actor actor) {
        try {
            return tx.execute(status -> importInTransaction(fileName, headers, rows, actor));
        } catch (ImportRejectedException e) {
            audit.recordIndependentlyAs(actor.username(), new AuditEntry("VISIT_IMPORT", "import", fileName, AuditResult.FAILURE,
                    json.writeValueAsString(Map.of("rows", rows.size(), "errors", e.errors().size()))));
            throw e;
        }
    }

    private VisitImportResult importInTransaction(String fileName, List<String> headers, List<SheetRow> rows, Actor actor) {
        List<CellError> errors = new ArrayList<>();
        for (VisitColumn c : VisitColumn.values()) {
            if (c.required() && !headers.contains(c.header())) {
                errors.add(new CellError(1, c.header(), "", "缺少必填列“" + c.header() + "”"));
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new CellError(2, VisitColumn.DATE.header(), "", "文件中没有数据行"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        List<VisitWriter.Row> valid = validate(rows, actor, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(CellError::row));
            throw new ImportRejectedException(errors);
        }
        Instant now = clock.instant();
        VisitWriter.Outcome o = writer.write(valid, actor, now, "VISIT_IMPORT");
        long batch = jdbc.sql("""
                insert into import_batch (kind, file_name, imported_by, imported_at, rows_total, created, updated, unchanged)
                values ('VISIT', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(fileName, actor.username(), Timestamp.from(now), rows.size(), o.created(), o.updated(), o.unchanged())
                .query(Long.class).single();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", fileName == null ? "" : fileName);
        detail.put("rows", rows.size());
        detail.put("created", o.created());
        detail.put("updated", o.updated());
        detail.put("unchanged", o.unchanged());
        audit.recordAllAs(actor.username(), List.of(AuditEntry.success("VISIT_IMPORT", "import", String.valueOf(batch),
                json.writeValueAsString(detail))));
        return new VisitImportResult(o.created(), o.updated(), o.unchanged(), rows.size(), batch);
    }

    /** Every row's own rules, then the rules that need the ledger: scope, teams of other units, projects. */
    List<VisitWriter.Row> validate(List<SheetRow> rows, Actor actor, List<CellError> errors) {
        VisitRows.Context context = new VisitRows.Context(LocalDate.now(clock), actor.defaultRegion());
        List<Parsed> parsed = new ArrayList<>();
        for (SheetRow row : rows) {
            Map<VisitColumn, String> raw = new EnumMap<>(VisitColumn.class);
            for (VisitColumn c : VisitColumn.values()) {
                raw.put(c, row.get(c.header()));
            }
            VisitRows.Result r = parser.parse(row.rowNumber(), raw, context);
            errors.addAll(r.errors());
            if (r.ok()) {
                parsed.add(new Parsed(row.rowNumber(), r.draft(), raw));
            }
        }
        return checks.check(parsed, actor, errors);
    }

    /** A row that passed its own rules, with its raw cells for messages. */
    record Parsed(int number, VisitDraft draft, Map<VisitColumn, String> raw) {
    }
}
