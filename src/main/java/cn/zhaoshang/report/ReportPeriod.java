package cn.zhaoshang.report;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.region.Region;
import java.time.LocalDate;

/** What a report covers: a region (and every region under it), a period, and the user's scope within it. */
public record ReportPeriod(Region region, LocalDate from, LocalDate to, DataScope scope) {

    /** The user's scope narrowed to the report's region. */
    public DataScope effectiveScope() {
        return scope.within(region.rangeFrom(), region.rangeTo());
    }
}
