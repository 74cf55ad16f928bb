package cn.zhaoshang.visit;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.sheet.CellResult;
import cn.zhaoshang.sheet.Cells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules one visit row must satisfy on its own, the same for a file row and the entry form: required cells, real
 * dates not in the future, a follow-up not before the visit, a known 方式, a valid credit code, a known region.
 * Rules that need the ledger or other rows (scope, projects, duplicates) are the import's.
 */
@Component
class VisitRows {

    private final Regions regions;

    VisitRows(Regions regions) {
        this.regions = regions;
    }

    /** {@code today} bounds the visit date; {@code defaultRegion} stands in for an empty 行政区划代码 (null: none). */
    record Context(LocalDate today, String defaultRegion) {
    }

    record Result(VisitDraft draft, List<CellError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    Result parse(int row, Map<VisitColumn, String> raw, Context context) {
        Checker c = new Checker(row, raw);
        LocalDate date = c.date(VisitColumn.DATE);
        if (date != null && date.isAfter(context.today())) {
            c.error(VisitColumn.DATE, "日期不能晚于今天（" + context.today() + "）：走访记录只记已发生的拜访和考察");
        }
        String team = c.text(VisitColumn.TEAM);
        String region = c.region(context.defaultRegion());
        String enterprise = c.text(VisitColumn.ENTERPRISE);
        String creditCode = c.parsed(VisitColumn.CREDIT_CODE, Cells::creditCode);
        Kind kind = c.kind();
        LocalDate followUp = c.date(VisitColumn.FOLLOW_UP_ON);
        if (date != null && followUp != null && followUp.isBefore(date)) {
            c.error(VisitColumn.FOLLOW_UP_ON, "下次跟进日期（" + followUp + "）不能早于走访日期（" + date + "）");
        }
        VisitDraft draft = new VisitDraft(date, team, region, c.text(VisitColumn.BATCH), c.text(VisitColumn.CITY), enterprise,
                creditCode, kind, c.text(VisitColumn.LEADER), c.text(VisitColumn.MEMBERS), c.text(VisitColumn.DISCUSSION),
                c.text(VisitColumn.NEXT_STEP), followUp, c.text(VisitColumn.PROJECT_CODE));
        return c.errors.isEmpty() ? new Result(draft, List.of()) : new Result(null, c.errors);
    }

    /** Trims as the sheet reader does: whitespace, the ideographic space, BOM and zero-width space (a cell of only those is empty). */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && blank(s.charAt(start))) {
            start++;
        }
        while (end > start && blank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    private final class Checker {
        final int row;
        final Map<VisitColumn, String> raw;
        final List<CellError> errors = new ArrayList<>();

        Checker(int row, Map<VisitColumn, String> raw) {
            this.row = row;
            this.raw = raw;
        }

        String value(VisitColumn column) {
            return trim(raw.get(column));
        }

        void error(VisitColumn column, String message) {
            errors.add(new CellError(row, column.header(), value(column), message));
        }

        /** Null for an empty cell; an empty required cell and an over-long one are errors. */
        String text(VisitColumn column) {
            String v = value(column);
            if (v.isEmpty()) {
                if (column.required()) {
                    error(column, column.header() + "不能为空");
                }
                return null;
            }
            if (column.maxLength() > 0 && v.length() > column.maxLength()) {
                error(column, column.header() + "过长（最多" + column.maxLength() + "个字）");
                return null;
            }
            return v;
        }

        <T> T parsed(VisitColumn column, java.util.function.Function<String, CellResult<T>> parser) {
            String v = value(column);
            if (v.isEmpty()) {
                if (column.required()) {
                    error(column, column.header() + "不能为空");
                }
                return null;
            }
            CellResult<T> r = parser.apply(v);
            if (!r.isOk()) {
                error(column, column.header() + "：" + r.error());
                return null;
            }
            return r.value();
        }

        LocalDate date(VisitColumn column) {
            return parsed(column, Cells::date);
        }

        Kind kind() {
            String v = value(VisitColumn.KIND);
            if (v.isEmpty()) {
                error(VisitColumn.KIND, "方式不能为空（外出拜访 或 来访考察）");
                return null;
            }
            Optional<Kind> kind = Kind.parse(v);
            if (kind.isEmpty()) {
                error(VisitColumn.KIND, "未知的方式“" + v + "”：应为“外出拜访”或“来访考察”");
                return null;
            }
            return kind.get();
        }

        String region(String fallback) {
            String v = value(VisitColumn.REGION);
            if (v.isEmpty()) {
                if (fallback == null) {
                    error(VisitColumn.REGION, "您的账号不属于任何行政区划（全国范围），必须填写行政区划代码，说明小分队所属区域");
                }
                return fallback;
            }
            Optional<Region> region = regions.resolve(v);
            if (region.isEmpty()) {
                error(VisitColumn.REGION, "未知的行政区划代码：" + v);
                return null;
            }
            return region.get().code();
        }
    }
}
