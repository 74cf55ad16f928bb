package cn.zhaoshang.report;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Regions;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Turns region, from and to of a request into a period, with a Chinese message for each way they can be wrong. */
@Component
public class ReportRequests {

    private final Regions regions;
    private final CurrentUser currentUser;

    ReportRequests(Regions regions, CurrentUser currentUser) {
        this.regions = regions;
        this.currentUser = currentUser;
    }

    public ReportPeriod period(String region, String from, String to) {
        var r = regions.require(region);
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        if (t.isBefore(f)) {
            throw DomainException.badRequest("截止日期 to（" + t + "）不能早于起始日期 from（" + f + "）");
        }
        return new ReportPeriod(r, f, t, currentUser.scope());
    }
}
