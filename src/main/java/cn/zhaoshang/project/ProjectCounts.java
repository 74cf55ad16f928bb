package cn.zhaoshang.project;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A list's exact total. Where the filters are all keys of the tally (V11: region, stage, key project, chain), the
 * tally's maintained counts give it from about a thousand rows for a whole province; otherwise (one unit) the matching
 * rows are few enough to be counted. A search counts its matches with its page (ProjectListQuery#search).
 */
@Component
@org.springframework.context.annotation.Lazy(false) // its compaction runs from the start, whether or not a list was read
class ProjectCounts {

    private static final Logger log = LoggerFactory.getLogger(ProjectCounts.class);

    private final JdbcClient jdbc;

    ProjectCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long total(ListConditions c) {
        if (c.countedByTally()) {
            return jdbc.sql("select coalesce(sum(t.n), 0) from project_tally t where " + tallyWhere(c))
                    .paramSource(tallyParams(c)).query(Long.class).single();
        }
        return jdbc.sql("select count(*) from project p where " + c.all()).paramSource(c.params()).query(Long.class).single();
    }

    /** The tally's rows for the filters; chain -1 holds the counts over all chains. */
    static String tallyWhere(ListConditions c) {
        return "t.chain_id = :tchain and t.region_code between :rf and :rt"
                + (c.stage() == null ? "" : " and t.stage = :stage") + (c.key() == null ? "" : " and t.key_project = :key");
    }

    static org.springframework.jdbc.core.namedparam.MapSqlParameterSource tallyParams(ListConditions c) {
        return c.params().addValue("tchain", c.chain() == null ? -1L : c.chain());
    }

    /** Merges the tally's rows of differences, so that a count keeps reading few rows. */
    @Scheduled(initialDelayString = "${zhaoshang.tally-compaction-ms:60000}", fixedDelayString = "${zhaoshang.tally-compaction-ms:60000}")
    void compact() {
        Long removed = jdbc.sql("select project_tally_compact()").query(Long.class).single();
        if (removed != null && removed > 0) {
            log.debug("project_tally: {} rows merged", removed);
        }
    }
}
