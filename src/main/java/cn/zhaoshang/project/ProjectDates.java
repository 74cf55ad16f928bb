package cn.zhaoshang.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The six dates of a project's life; the stage is what they say. */
public record ProjectDates(LocalDate contactedOn, LocalDate signedOn, LocalDate landedOn, LocalDate startedOn,
                           LocalDate completedOn, LocalDate terminatedOn) {

    public Stage stage() {
        if (terminatedOn != null) {
            return Stage.TERMINATED;
        }
        if (completedOn != null) {
            return Stage.COMPLETED;
        }
        if (startedOn != null) {
            return Stage.STARTED;
        }
        if (landedOn != null) {
            return Stage.LANDED;
        }
        return signedOn != null ? Stage.SIGNED : Stage.LEAD;
    }

    /** The day the project counts as landed: landed, else construction started, else completed (V7's landed_eff). */
    public LocalDate landedEffective() {
        return landedOn != null ? landedOn : startedOn != null ? startedOn : completedOn;
    }

    /** A dated step that breaks the order 对接 ≤ 签约 ≤ 落地 ≤ 开工 ≤ 竣工, or 终止 before 对接. */
    public record OrderError(ProjectColumn column, LocalDate value, String message) {
    }

    public List<OrderError> orderErrors() {
        List<OrderError> errors = new ArrayList<>();
        ProjectColumn[] columns = {ProjectColumn.CONTACTED_ON, ProjectColumn.SIGNED_ON, ProjectColumn.LANDED_ON,
                ProjectColumn.STARTED_ON, ProjectColumn.COMPLETED_ON};
        LocalDate[] dates = {contactedOn, signedOn, landedOn, startedOn, completedOn};
        int previous = -1;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                continue;
            }
            if (previous >= 0 && dates[i].isBefore(dates[previous])) {
                errors.add(new OrderError(columns[i], dates[i],
                        columns[i].header() + "不能早于" + columns[previous].header() + "（" + dates[previous] + "）"));
            }
            previous = i;
        }
        if (terminatedOn != null && contactedOn != null && terminatedOn.isBefore(contactedOn)) {
            errors.add(new OrderError(ProjectColumn.TERMINATED_ON, terminatedOn, "终止日期不能早于对接日期（" + contactedOn + "）"));
        }
        return errors;
    }
}
