package cn.zhaoshang.project;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.sheet.CellResult;
import cn.zhaoshang.sheet.Cells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a single project must satisfy, the same for an imported row and a form: required cells, real dates in
 * order, exact non-negative amounts, valid credit codes, known regions, 是/否 flags, on-stage signing with its event.
 * Rules that need other rows (duplicates, parents, cycles) are the import's.
 */
@Component
class ProjectValidator {

    static final int MAX_TEXT = 200;

    private final Regions regions;

    ProjectValidator(Regions regions) {
        this.regions = regions;
    }

    record Result(ProjectDraft draft, List<CellError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    Result validate(int row, Map<ProjectColumn, String> raw) {
        Checker c = new Checker(row, raw);
        String code = c.text(ProjectColumn.CODE, 64);
        String name = c.required(ProjectColumn.NAME);
        String investor = c.text(ProjectColumn.INVESTOR, MAX_TEXT);
        String creditCode = c.creditCode();
        String regionCode = c.region();
        String unit = c.text(ProjectColumn.UNIT, 100);
        String chain = c.text(ProjectColumn.CHAIN, 100);
        BigDecimal investment = c.amount(ProjectColumn.INVESTMENT);
        BigDecimal foreign = c.amount(ProjectColumn.FOREIGN_INVESTMENT);
        BigDecimal utilized = c.amount(ProjectColumn.UTILIZED_FOREIGN_CAPITAL);
        Boolean key = c.flag(ProjectColumn.KEY_PROJECT);
        ProjectDates dates = new ProjectDates(c.date(ProjectColumn.CONTACTED_ON), c.date(ProjectColumn.SIGNED_ON),
                c.date(ProjectColumn.LANDED_ON), c.date(ProjectColumn.STARTED_ON), c.date(ProjectColumn.COMPLETED_ON),
                c.date(ProjectColumn.TERMINATED_ON));
        String event = c.text(ProjectColumn.EVENT, MAX_TEXT);
        Boolean onStage = c.flag(ProjectColumn.ON_STAGE);
        String source = c.text(ProjectColumn.SOURCE, MAX_TEXT);
        String referrer = c.text(ProjectColumn.REFERRER, MAX_TEXT);
        String parentCode = c.text(ProjectColumn.PARENT_CODE, 64);

        for (ProjectDates.OrderError e : dates.orderErrors()) {
            c.error(e.column(), e.message());
        }
        if (Boolean.TRUE.equals(onStage)) {
            if (event == null) {
                c.error(ProjectColumn.ON_STAGE, "上台签约为“是”时必须填写签约活动");
            }
            if (dates.signedOn() == null && !c.hasError(ProjectColumn.SIGNED_ON)) {
                c.error(ProjectColumn.ON_STAGE, "上台签约为“是”时必须填写签约日期");
            }
        }
        String stageText = c.value(ProjectColumn.STAGE);
        if (!stageText.isEmpty()) {
            Optional<Stage> stated = Stage.parse(stageText);
            Stage derived = dates.stage();
            if (stated.isEmpty()) {
                c.error(ProjectColumn.STAGE, "阶段应为 线索、已签约、落地、开工、竣工 或 终止");
            } else if (c.errors.isEmpty() && !agrees(stated.get(), derived)) {
                c.error(ProjectColumn.STAGE, "阶段“" + stageText + "”与日期不符：按所填日期应为“" + derived.label() + "”");
            }
        }
        if (code != null && code.equals(parentCode)) {
            c.error(ProjectColumn.PARENT_CODE, "上级项目不能是项目自身");
        }
        if (!c.errors.isEmpty()) {
            return new Result(null, c.errors);
        }
        return new Result(new ProjectDraft(code, name, investor, creditCode, regionCode, unit, chain, investment, foreign,
                utilized, Boolean.TRUE.equals(key), dates, event, Boolean.TRUE.equals(onStage), source, referrer,
                parentCode), List.of());
    }

    // 落地 stated for a project already under construction or completed still tells the truth
    private static boolean agrees(Stage stated, Stage derived) {
        return stated == derived || (stated == Stage.LANDED && derived.hasLanded());
    }

    private final class Checker {
        final int row;
        final Map<ProjectColumn, String> raw;
        final List<CellError> errors = new ArrayList<>();

        Checker(int row, Map<ProjectColumn, String> raw) {
            this.row = row;
            this.raw = raw;
        }

        String value(ProjectColumn column) {
            String v = raw.get(column);
            return v == null ? "" : v.trim();
        }

        void error(ProjectColumn column, String message) {
            errors.add(new CellError(row, column.header(), value(column), message));
        }

        boolean hasError(ProjectColumn column) {
            return errors.stream().anyMatch(e -> e.column().equals(column.header()));
        }

        String text(ProjectColumn column, int max) {
            String v = value(column);
            if (v.isEmpty()) {
                return null;
            }
            if (v.length() > max) {
                error(column, column.header() + "过长（最多" + max + "个字）");
                return null;
            }
            return v;
        }

        String required(ProjectColumn column) {
            if (value(column).isEmpty()) {
                error(column, column.header() + "不能为空");
                return null;
            }
            return text(column, MAX_TEXT);
        }

        <T> T parsed(ProjectColumn column, CellResult<T> result) {
            if (!result.isOk()) {
                error(column, column.header() + "：" + result.error());
                return null;
            }
            return result.value();
        }

        BigDecimal amount(ProjectColumn column) {
            String v = value(column);
            if (v.isEmpty()) {
                if (column.required()) {
                    error(column, column.header() + "不能为空");
                }
                return null;
            }
            return parsed(column, Cells.amount(v));
        }

        LocalDate date(ProjectColumn column) {
            String v = value(column);
            if (v.isEmpty()) {
                if (column.required()) {
                    error(column, column.header() + "不能为空");
                }
                return null;
            }
            return parsed(column, Cells.date(v));
        }

        Boolean flag(ProjectColumn column) {
            String v = value(column);
            return v.isEmpty() ? null : parsed(column, Cells.flag(v));
        }

        String creditCode() {
            String v = value(ProjectColumn.CREDIT_CODE);
            return v.isEmpty() ? null : parsed(ProjectColumn.CREDIT_CODE, Cells.creditCode(v));
        }

        String region() {
            String v = value(ProjectColumn.REGION);
            if (v.isEmpty()) {
                error(ProjectColumn.REGION, "行政区划代码不能为空");
                return null;
            }
            Optional<Region> region = regions.resolve(v);
            if (region.isEmpty()) {
                error(ProjectColumn.REGION, "未知的行政区划代码：" + v);
                return null;
            }
            return region.get().code();
        }
    }
}
