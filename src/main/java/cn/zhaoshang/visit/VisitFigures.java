package cn.zhaoshang.visit;

import cn.zhaoshang.platform.VersionedCache;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** CONTRACT.md §5: the visits report. */
public record VisitFigures(Total total, List<TeamRow> teams, List<EnterpriseRow> enterprises) implements VersionedCache.Weighed {

    /** The rows the report holds, for the reports' cache (not part of the JSON). */
    @Override
    @JsonIgnore
    public int rows() {
        return teams.size() + enterprises.size();
    }

    public record Total(long visits, long enterprises, long days, BigDecimal visitsPerDay, long repeatEnterprises,
                        long inspections, long batches) {
    }

    /** {@code id} and {@code region} are extra: the page links a team to its own page. */
    public record TeamRow(String team, long visits, long enterprises, long days, BigDecimal visitsPerDay, long repeatEnterprises,
                          long id, String region) {
    }

    public record EnterpriseRow(String enterprise, long visits, long inspections, long id) {
    }

    /** visits / days to two decimals; no days, no rate. */
    static BigDecimal perDay(long visits, long days) {
        return days == 0 ? new BigDecimal("0.00") : BigDecimal.valueOf(visits).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }
}
