package cn.zhaoshang.project;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.Unprintable;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.common.Phases;
import cn.zhaoshang.sheet.SheetFeed;
import cn.zhaoshang.sheet.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The project import (CONTRACT.md §3): every bad cell is reported and nothing is written, or every row is written.
 * Importing the same file twice changes nothing the second time.
 */
@Service
public class ProjectImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectImport.class);

    static final int MAX_ROWS = 200_000;

    private final ProjectValidator validator;
    private final ProjectStore store;
    private final ImportLog importLog;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final tools.jackson.databind.json.JsonMapper json;

    ProjectImport(ProjectValidator validator, ProjectStore store, ImportLog importLog, Clock clock, AuditTrail audit,
                  TransactionTemplate tx, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.validator = validator;
        this.store = store;
        this.importLog = importLog;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Reads the file in a thread of its own while the rows read so far are checked, so that reading (the XML) and
     * checking overlap on two cores; then writes in one transaction.
     */
    public ImportResult importFile(String fileName, InputStream in, String actor, RowGuard guard) throws IOException {
        Phases phases = new Phases();
        Checked checked = new Checked(guard);
        List<String> headers;
        try (SheetFeed feed = SheetFeed.start(fileName, in, MAX_ROWS, FEED_CHUNK)) {
            for (List<SheetRow> chunk = feed.next(); chunk != null; chunk = feed.next()) {
                phases.mark("读取");
                checked.addAll(chunk);
                phases.mark("校验");
            }
            headers = feed.headers();
        }
        phases.mark("读取");
        return importChecked(fileName, headers, checked, actor, phases);
    }

    /** All or nothing in one transaction; a rejected file is on record too, with how many cells were bad. */
    public ImportResult importRows(String fileName, List<String> headers, List<SheetRow> rows, String actor, RowGuard guard) {
        Phases phases = new Phases();
        Checked checked = new Checked(guard);
        checked.addAll(rows);
        phases.mark("校验");
        return importChecked(fileName, headers, checked, actor, phases);
    }

    private static final int FEED_CHUNK = 1_000;

    private static final List<String> HEADERS = Arrays.stream(ProjectColumn.values()).map(ProjectColumn::header).toList();

    private ImportResult importChecked(String sentName, List<String> headers, Checked checked, String actor, Phases phases) {
        // the name as the browser sent it, kept in the batch and the audit trail: shown, never interpreted
        String fileName = sentName == null ? null : Unprintable.visible(sentName);
        try {
            ImportResult result = tx.execute(status -> importInTransaction(fileName, headers, checked, actor, phases));
            phases.mark("提交");
            log.info("项目导入“{}”：{} 行，新增 {}，更新 {}，未变 {}；{}", fileName, checked.rows, result.created(), result.updated(),
                    result.unchanged(), phases);
            return result;
        } catch (ImportRejectedException e) {
            audit.recordIndependentlyAs(actor, new AuditEntry("PROJECT_IMPORT", "import", fileName, AuditResult.FAILURE,
                    json.writeValueAsString(Map.of("rows", checked.rows, "errors", e.errors().size()))));
            throw e;
        }
    }

    /** The rows checked one by one by their own rules and the user's scope, as they are read. */
    private final class Checked {
        private final RowGuard guard;
        private final List<Row> valid = new ArrayList<>();
        private final List<CellError> errors = new ArrayList<>();
        private int rows;

        Checked(RowGuard guard) {
            this.guard = guard;
        }

        void addAll(List<SheetRow> chunk) {
            for (SheetRow row : chunk) {
                rows++;
                if (Unprintable.cellErrors(row.rowNumber(), HEADERS, row::get, errors)) {
                    continue;
                }
                Map<ProjectColumn, String> raw = new EnumMap<>(ProjectColumn.class);
                for (ProjectColumn c : ProjectColumn.values()) {
                    raw.put(c, row.get(c.header()));
                }
                ProjectValidator.Result r = validator.validate(row.rowNumber(), raw);
                errors.addAll(r.errors());
                if (r.ok()) {
                    guard.check(r.draft()).ifPresent(message -> errors.add(
                            new CellError(row.rowNumber(), ProjectColumn.UNIT.header(), row.get(ProjectColumn.UNIT.header()), message)));
                    valid.add(new Row(row.rowNumber(), r.draft()));
                }
            }
        }
    }

    private ImportResult importInTransaction(String fileName, List<String> headers, Checked checked, String actor,
                                             Phases phases) {
        store.bulkTransaction();
        store.oneImportAtATime();
        phases.mark("等待其他导入");
        List<CellError> errors = new ArrayList<>();
        for (ProjectColumn c : ProjectColumn.values()) {
            if (c.required() && !headers.contains(c.header())) {
                errors.add(new CellError(1, c.header(), "", "缺少必填列“" + c.header() + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        if (checked.rows == 0) {
            throw new ImportRejectedException(List.of(new CellError(2, ProjectColumn.NAME.header(), "", "文件中没有数据行")));
        }
        errors.addAll(checked.errors);
        List<Row> keyed = assignKnownCodes(checked.valid, errors);
        checkParents(keyed, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(CellError::row));
            throw new ImportRejectedException(errors);
        }
        phases.mark("比对");
        return write(fileName, checked.rows, keyed, actor, phases);
    }

    private record Row(int number, ProjectDraft draft) {
    }

    /** Rows without a code take the code of the project of the same name in the same region, if there is one. */
    private List<Row> assignKnownCodes(List<Row> rows, List<CellError> errors) {
        List<ProjectDraft> uncoded = rows.stream().map(Row::draft).filter(d -> d.code() == null).toList();
        Map<String, String> known = store.codesByRegionAndName(uncoded);
        Map<String, Integer> seenCodes = new HashMap<>();
        Map<String, Integer> seenNames = new HashMap<>();
        List<Row> keyed = new ArrayList<>();
        for (Row row : rows) {
            ProjectDraft d = row.draft();
            if (d.code() == null) {
                String key = d.regionCode() + "|" + d.name();
                Integer first = seenNames.putIfAbsent(key, row.number());
                if (first != null) {
                    errors.add(new CellError(row.number(), ProjectColumn.NAME.header(), d.name(),
                            "与第" + first + "行是同一区域的同名项目，且都未填项目编号"));
                    continue;
                }
                String code = known.get(key);
                d = code == null ? d : d.withCode(code);
            }
            if (d.code() != null) {
                Integer first = seenCodes.putIfAbsent(d.code(), row.number());
                if (first != null) {
                    errors.add(new CellError(row.number(), ProjectColumn.CODE.header(), d.code(), "项目编号与第" + first + "行重复"));
                    continue;
                }
            }
            keyed.add(new Row(row.number(), d));
        }
        return keyed;
    }

    /** A 上级项目编号 must name a project of the ledger or of the file, and following parents must never come back. */
    private void checkParents(List<Row> rows, List<CellError> errors) {
        Set<String> fileCodes = rows.stream().map(r -> r.draft().code()).filter(c -> c != null).collect(Collectors.toSet());
        Set<String> referenced = rows.stream().map(r -> r.draft().parentCode()).filter(c -> c != null).collect(Collectors.toSet());
        if (referenced.isEmpty()) {
            return;
        }
        Set<String> missing = new HashSet<>(referenced);
        missing.removeAll(fileCodes);
        Set<String> inLedger = store.existingCodes(missing);
        Set<String> all = new HashSet<>(fileCodes);
        all.addAll(referenced);
        Map<String, String> parents = new HashMap<>(store.parentsInLedger(all));
        for (Row r : rows) {
            if (r.draft().code() != null) {
                if (r.draft().parentCode() == null) {
                    parents.remove(r.draft().code());
                } else {
                    parents.put(r.draft().code(), r.draft().parentCode());
                }
            }
        }
        for (Row r : rows) {
            String parent = r.draft().parentCode();
            if (parent == null) {
                continue;
            }
            if (!fileCodes.contains(parent) && !inLedger.contains(parent)) {
                errors.add(new CellError(r.number(), ProjectColumn.PARENT_CODE.header(), parent, "上级项目编号“" + parent + "”不存在"));
            } else if (r.draft().code() != null && formsCycle(r.draft().code(), parents)) {
                errors.add(new CellError(r.number(), ProjectColumn.PARENT_CODE.header(), parent,
                        "上级项目编号“" + parent + "”造成循环：项目不能是自己的上级"));
            }
        }
    }

    private static boolean formsCycle(String start, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        String at = start;
        while (at != null) {
            if (!seen.add(at)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }

    private ImportResult write(String fileName, int rowCount, List<Row> rows, String actor, Phases phases) {
        Map<String, ProjectStore.Existing> existing = store.findByCodes(
                rows.stream().map(r -> r.draft().code()).filter(c -> c != null).toList());
        Set<String> taken = rows.stream().map(r -> r.draft().code()).filter(c -> c != null).collect(Collectors.toSet());
        Map<ProjectStore.CodeSeries, List<Row>> needCodes = rows.stream().filter(r -> r.draft().code() == null)
                .collect(Collectors.groupingBy(r -> new ProjectStore.CodeSeries(r.draft().regionCode(),
                        r.draft().dates().contactedOn().getYear())));
        Map<ProjectStore.CodeSeries, List<String>> codes = store.assignCodes(
                needCodes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())), taken);
        Map<Integer, String> assigned = new HashMap<>();
        needCodes.forEach((series, list) -> {
            List<String> seriesCodes = codes.get(series);
            for (int i = 0; i < list.size(); i++) {
                assigned.put(list.get(i).number(), seriesCodes.get(i));
            }
        });
        List<ProjectStore.Write> writes = new ArrayList<>();
        int unchanged = 0;
        for (Row r : rows) {
            ProjectDraft d = r.draft().code() == null ? r.draft().withCode(assigned.get(r.number())) : r.draft();
            ProjectStore.Existing e = existing.get(d.code());
            if (e == null) {
                writes.add(new ProjectStore.Write(d, null, 0, "IMPORT_CREATE"));
            } else if (e.snapshot().equals(d.snapshot())) {
                unchanged++;
            } else {
                writes.add(new ProjectStore.Write(d, e, e.version(), "IMPORT_UPDATE"));
            }
        }
        phases.mark("比对");
        Instant now = clock.instant();
        store.write(writes, actor, now);
        phases.mark("写入");
        int created = (int) writes.stream().filter(w -> w.existing() == null).count();
        int updated = writes.size() - created;
        long batch = importLog.record("PROJECT", fileName, actor, now, rowCount, created, updated, unchanged);
        audit.recordAllAs(actor, List.of(AuditEntry.success("PROJECT_IMPORT", "import", String.valueOf(batch),
                json.writeValueAsString(Map.of("file", fileName == null ? "" : fileName, "rows", rowCount, "created", created,
                        "updated", updated, "unchanged", unchanged)))));
        return new ImportResult(created, updated, unchanged, rowCount, batch);
    }
}
