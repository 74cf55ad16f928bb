package cn.zhaoshang.project;

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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    public ImportResult importFile(String fileName, InputStream in, String actor, RowGuard guard) throws IOException {
        Sheet sheet = SheetReader.read(fileName, in, MAX_ROWS);
        return importRows(fileName, sheet.headers(), sheet.rows(), actor, guard);
    }

    /** All or nothing in one transaction; a rejected file is on record too, with how many cells were bad. */
    public ImportResult importRows(String fileName, List<String> headers, List<SheetRow> rows, String actor, RowGuard guard) {
        try {
            return tx.execute(status -> importInTransaction(fileName, headers, rows, actor, guard));
        } catch (ImportRejectedException e) {
            audit.recordIndependentlyAs(actor, new AuditEntry("PROJECT_IMPORT", "import", fileName, AuditResult.FAILURE,
                    json.writeValueAsString(Map.of("rows", rows.size(), "errors", e.errors().size()))));
            throw e;
        }
    }

    private ImportResult importInTransaction(String fileName, List<String> headers, List<SheetRow> rows, String actor,
                                             RowGuard guard) {
        store.bulkTransaction();
        List<CellError> errors = new ArrayList<>();
        for (ProjectColumn c : ProjectColumn.values()) {
            if (c.required() && !headers.contains(c.header())) {
                errors.add(new CellError(1, c.header(), "", "缺少必填列“" + c.header() + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        if (rows.isEmpty()) {
            throw new ImportRejectedException(List.of(new CellError(2, ProjectColumn.NAME.header(), "", "文件中没有数据行")));
        }
        List<Row> valid = new ArrayList<>();
        for (SheetRow row : rows) {
            Map<ProjectColumn, String> raw = new EnumMap<>(ProjectColumn.class);
            for (ProjectColumn c : ProjectColumn.values()) {
                raw.put(c, row.get(c.header()));
            }
            ProjectValidator.Result r = validator.validate(row.rowNumber(), raw);
            errors.addAll(r.errors());
            if (r.ok()) {
                guard.check(r.draft()).ifPresent(message ->
                        errors.add(new CellError(row.rowNumber(), ProjectColumn.UNIT.header(), row.get(ProjectColumn.UNIT.header()), message)));
                valid.add(new Row(row.rowNumber(), r.draft()));
            }
        }
        List<Row> keyed = assignKnownCodes(valid, errors);
        checkParents(keyed, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(CellError::row));
            throw new ImportRejectedException(errors);
        }
        return write(fileName, rows.size(), keyed, actor);
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

    private ImportResult write(String fileName, int rowCount, List<Row> rows, String actor) {
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
        Instant now = clock.instant();
        store.write(writes, actor, now);
        int created = (int) writes.stream().filter(w -> w.existing() == null).count();
        int updated = writes.size() - created;
        long batch = importLog.record("PROJECT", fileName, actor, now, rowCount, created, updated, unchanged);
        audit.recordAllAs(actor, List.of(AuditEntry.success("PROJECT_IMPORT", "import", String.valueOf(batch),
                json.writeValueAsString(Map.of("file", fileName == null ? "" : fileName, "rows", rowCount, "created", created,
                        "updated", updated, "unchanged", unchanged)))));
        return new ImportResult(created, updated, unchanged, rowCount, batch);
    }
}
