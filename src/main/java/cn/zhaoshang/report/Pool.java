package cn.zhaoshang.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The pool of a report (CONTRACT.md §4), written once: projects of the region contacted by {@code to}, not terminated
 * by {@code to}, not landed before {@code from}; each at its stage on {@code to}. Nothing after {@code to} counts.
 */
final class Pool {

    static final String WHERE = """
             p.region_code between :rf and :rt
             and (cast(:scopeUnit as bigint) is null or p.unit_id = :scopeUnit)
             and p.contacted_on <= :to
             and (p.terminated_on is null or p.terminated_on > :to)
             and (p.landed_eff is null or p.landed_eff >= :from)
            """;

    static final String STAGE = "(case when p.landed_eff <= :to then 'LANDED' when p.signed_on <= :to then 'SIGNED' else 'LEAD' end)";

    private Pool() {
    }

    static MapSqlParameterSource params(ReportPeriod period) {
        var scope = period.effectiveScope();
        return new MapSqlParameterSource()
                .addValue("rf", scope.regionFrom())
                .addValue("rt", scope.regionTo())
                .addValue("scopeUnit", scope.unitId())
                .addValue("from", period.from())
                .addValue("to", period.to());
    }
}
