package cn.zhaoshang.visit;

import cn.zhaoshang.common.Phases;
import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.Unprintable;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.sheet.SheetFeed;
import cn.zhaoshang.sheet.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VisitImport.class);

    static final int MAX_ROWS = 200_000;

    private final VisitRows parser;
    private final VisitChecks checks;
    private final VisitWriter writer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final cn.zhaoshang.platform.SearchIndexMerge searchIndex;

    VisitImport(VisitRows parser, VisitChecks checks, VisitWriter writer, JdbcClient jdbc, Clock clock, AuditTrail audit,
                TransactionTemplate tx, JsonMapper json, cn.zhaoshang.platform.SearchIndexMerge searchIndex) {
        this.searchIndex = searchIndex;
        this.parser = parser;
        this.checks = checks;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Reads the file in a thread of its own while the rows read so far are checked and written (reading is Java's work,
     * writing PostgreSQL's: they overlap); all in one transaction, so a bad cell anywhere still writes nothing.
     */
    public VisitImportResult importFile(String fileName, InputStream in, Actor actor) throws IOException {
        try (SheetFeed feed = SheetFeed.start(fileName, in, MAX_ROWS, CHUNK)) {
            return run(null, feed::next, feed::headers, actor, fileName);
        }
    }

    /** All or nothing in one transaction; a rejected file is on record too. */
    public VisitImportResult importRows(String fileName, List<String> headers, List<SheetRow> rows, Actor actor) {
        Iterator<List<SheetRow>> chunks = chunks(rows).iterator();
        try {
            return run(headers, () -> chunks.hasNext() ? chunks.next() : null, () -> headers, actor, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // rows in memory: nothing to read
        }
    }

    static final int CHUNK = 5_000;

    private static final List<String> HEADERS = Arrays.stream(VisitColumn.values()).map(VisitColumn::header).toList();

    /** Rows in chunks, null at the end. */
    interface Source {
        List<SheetRow> next() throws IOException;
    }

    private VisitImportResult run(List<String> headers, Source source, Supplier<List<String>> lastHeaders,
                                  Actor actor, String sentName) throws IOException {
        // the name as the browser sent it, kept in the batch and the audit trail: shown, never interpreted
        String fileName = sentName == null ? null : Unprintable.visible(sentName);
        Phases phases = new Phases();
        int[] rows = {0};
        try {
            VisitImportResult r = tx.execute(status -> {
                try {
                    return importInTransaction(fileName, headers, source, lastHeaders, actor, phases, rows);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            phases.mark("提交");
            log.info("走访导入 {} 行（{}）：{}", rows[0], fileName, phases);
            return r;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ImportRejectedException e) {
            audit.recordIndependentlyAs(actor.username(), new AuditEntry("VISIT_IMPORT", "import", fileName, AuditResult.FAILURE,
                    json.writeValueAsString(Map.of("rows", rows[0], "errors", e.errors().size()))));
            throw e;
        }
    }

    private VisitImportResult importInTransaction(String fileName, List<String> headers, Source source,
                                                  Supplier<List<String>> lastHeaders, Actor actor, Phases phases, int[] count)
            throws IOException {
        cn.zhaoshang.platform.BulkWrites.reusePlans(jdbc);
        // what this import compares with is what the import before it committed
        cn.zhaoshang.platform.BulkWrites.oneImportAtATime(jdbc, cn.zhaoshang.platform.BulkWrites.Ledger.VISITS);
        phases.mark("等待其他导入");
        // the new enterprises' names reach the search index after commit
        searchIndex.deferInTransaction(jdbc);
        VisitRows.Context context = new VisitRows.Context(LocalDate.now(clock), actor.defaultRegion());
        VisitChecks.Session checking = checks.new Session(actor);
        Instant now = clock.instant();
        try (WriteSession writing = writer.session(actor, now, "VISIT_IMPORT", phases)) {
            return write(fileName, headers, source, lastHeaders, actor, phases, count, writing, context, checking, now);
        }
    }

    // PostgreSQL writes each chunk while the next one is read and parsed; its checks, which read the ledger, wait for it
    private VisitImportResult write(String fileName, List<String> headers, Source source, Supplier<List<String>> lastHeaders,
                                    Actor actor, Phases phases, int[] count, WriteSession writing, VisitRows.Context context,
                                    VisitChecks.Session checking, Instant now) throws IOException {
        List<CellError> errors = new ArrayList<>();
        boolean first = true;
        for (List<SheetRow> chunk = source.next(); chunk != null; chunk = source.next()) {
            phases.mark("等待读取");
            if (first) {
                first = false;
                rejectMissingColumns(headers != null ? headers : List.copyOf(chunk.get(0).cells().keySet()));
            }
            count[0] += chunk.size();
            List<Parsed> parsed = parse(chunk, context, errors);
            writing.settle();
            List<VisitWriter.Row> valid = checking.check(parsed, errors);
            phases.mark("校验");
            if (errors.isEmpty()) {
                writing.stage(valid, errors);
            }
        }
        phases.mark("等待读取");
        if (first) {
            rejectMissingColumns(headers != null ? headers : lastHeaders.get());
            errors.add(new CellError(2, VisitColumn.DATE.header(), "", "文件中没有数据行"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(CellError::row));
            throw new ImportRejectedException(errors);
        }
        VisitWriter.Outcome o = writing.finish();
        long batch = jdbc.sql("""
                insert into import_batch (kind, file_name, imported_by, imported_at, rows_total, created, updated, unchanged)
                values ('VISIT', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(fileName, actor.username(), Timestamp.from(now), count[0], o.created(), o.updated(), o.unchanged())
                .query(Long.class).single();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", fileName == null ? "" : fileName);
        detail.put("rows", count[0]);
        detail.put("created", o.created());
        detail.put("updated", o.updated());
        detail.put("unchanged", o.unchanged());
        audit.recordAllAs(actor.username(), List.of(AuditEntry.success("VISIT_IMPORT", "import", String.valueOf(batch),
                json.writeValueAsString(detail))));
        return new VisitImportResult(o.created(), o.updated(), o.unchanged(), count[0], batch);
    }

    /** A required column missing rejects the file at once, its header row (row 1) named. */
    private static void rejectMissingColumns(List<String> headers) {
        List<CellError> errors = new ArrayList<>();
        for (VisitColumn c : VisitColumn.values()) {
            if (c.required() && !headers.contains(c.header())) {
                errors.add(new CellError(1, c.header(), "", "缺少必填列“" + c.header() + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
    }

    private static List<List<SheetRow>> chunks(List<SheetRow> rows) {
        List<List<SheetRow>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** Every row's own rules, then the rules that need the ledger: scope, teams of other units, projects. */
    List<VisitWriter.Row> validate(List<SheetRow> rows, Actor actor, List<CellError> errors) {
        VisitRows.Context context = new VisitRows.Context(LocalDate.now(clock), actor.defaultRegion());
        return checks.check(parse(rows, context, errors), actor, errors);
    }

    private List<Parsed> parse(List<SheetRow> rows, VisitRows.Context context, List<CellError> errors) {
        List<Parsed> parsed = new ArrayList<>();
        for (SheetRow row : rows) {
            if (Unprintable.cellErrors(row.rowNumber(), HEADERS, row::get, errors)) {
                continue; // a team or an enterprise named with U+0000 would fail the ledger's look-up
            }
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
        return parsed;
    }

    /** A row that passed its own rules, with its raw cells for messages. */
    record Parsed(int number, VisitDraft draft, Map<VisitColumn, String> raw) {
    }
}
