package cn.zhaoshang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.platform.TotalsInbox;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running totals answer exactly what the pool's projects answer, for random ledgers (every order of contact,
 * signing, landing and termination, boundary days, missing units and chains, events with and without a signing date)
 * and random periods and regions; after inserts, updates, deletes and a rolled-back transaction; and what the triggers
 * kept equals a rebuild from the ledger.
 */
class RunningTotalsTest extends IntegrationTest {

    private static final String[] COUNTIES = {"350112", "350121", "350102", "350203"};
    private static final String[] REGIONS = {"350000", "350100", "350200", "350112", "350121", "350102", "350203"};
    private static final LocalDate START = LocalDate.of(2015, 11, 1);
    private static final int DAYS = 1000;

    @Autowired
    Reports reports;
    @Autowired
    RunningTotals totals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Regions regions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TotalsCheck check;
    @Autowired
    TotalsInbox inbox;

    private final List<Long> units = new ArrayList<>();
    private final List<Long> chains = new ArrayList<>();
    private final List<Long> events = new ArrayList<>();
    private final Map<Long, String> unitRegion = new java.util.HashMap<>();
    private final List<LocalDate> days = new ArrayList<>();
    private int serial;

    @BeforeEach
    void masterData() {
        fixtures.reset();
        for (String county : COUNTIES) {
            for (String name : List.of("商务局", "园区", "街道")) {
                long id = jdbc.queryForObject("insert into unit (region_code, name, kind) values (?, ?, 'PARK') returning id",
                        Long.class, county, name);
                units.add(id);
                unitRegion.put(id, county);
            }
        }
        for (String name : List.of("大数据", "医疗健康", "新材料")) {
            chains.add(jdbc.queryForObject("insert into industry_chain (name) values (?) returning id", Long.class, name));
        }
        for (String name : List.of("第十九届海交会", "数字中国峰会", "投洽会")) {
            events.add(jdbc.queryForObject("insert into signing_event (name) values (?) returning id", Long.class, name));
        }
    }

    @Test
    void runningTotalsEqualThePoolOnRandomLedgersAndPeriods() {
        Random random = new Random(20170731);
        insert(random, 500);
        compare(random, 120);

        // edits of every kind, then a second look
        List<Long> ids = jdbc.queryForList("select id from project order by id", Long.class);
        for (int i = 0; i < 120; i++) {
            update(random, ids.get(random.nextInt(ids.size())));
        }
        jdbc.update("delete from project where id in (select id from project order by id desc limit 40)");
        insert(random, 60);
        compare(random, 120);

        assertMaintainedEqualsRebuilt();
    }

    @Test
    void aRolledBackWriteLeavesTheTotalsAsTheyWere() {
        Random random = new Random(7);
        insert(random, 80);
        Summary before = totals.summary(period("350000", "2016-01-01", "2017-12-31"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            insert(random, 30);
            jdbc.update("update project set investment = investment + 1");
            throw new IllegalStateException("回滚");
        })).hasMessage("回滚");
        assertThat(totals.summary(period("350000", "2016-01-01", "2017-12-31"))).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from report_pending", Long.class)).isZero();
        assertMaintainedEqualsRebuilt();
    }

    @Test
    void aTransactionMayFoldItsProjectsOnceAtCommitToTheSameTotals() {
        Random random = new Random(11);
        insert(random, 100);
        tx.executeWithoutResult(s -> {
            // V13: inserts held back in report_pending and folded once at commit
            jdbc.queryForList("select set_config('zhaoshang.fold_at_commit', 'on', true)");
            long kept = jdbc.queryForObject("select count(*) from report_delta", Long.class);
            insert(random, 200);
            insert(random, 150);
            jdbc.update("update project set investment = investment + 1 where id in (select id from project order by id limit 20)");
            // held back until commit: 350 inserted, and -1/+1 for each of the 20 updated
            assertThat(jdbc.queryForObject("select count(*) from report_pending", Long.class)).isEqualTo(390);
            assertThat(jdbc.queryForObject("select count(*) from report_delta", Long.class)).isEqualTo(kept);
        });
        assertThat(jdbc.queryForObject("select count(*) from report_pending", Long.class)).isZero();
        compare(random, 80);
        assertMaintainedEqualsRebuilt();
    }

    @Test
    void aWriterThatSumsItsOwnInsertsReachesTheSameTotalsThroughTheInbox() {
        Random random = new Random(24);
        insert(random, 100);
        long version = jdbc.queryForObject("select n from report_version", Long.class);
        tx.executeWithoutResult(s -> {
            // V24: the trigger leaves these inserts to the writer, which sums them (TotalsInbox.Cells) into the inbox
            jdbc.queryForList("select set_config('zhaoshang.totals_by_writer', 'on', true)");
            long kept = jdbc.queryForObject("select count(*) from report_delta", Long.class);
            long last = jdbc.queryForObject("select coalesce(max(id), 0) from project", Long.class);
            insert(random, 400);
            assertThat(jdbc.queryForObject("select count(*) from report_delta", Long.class)).isEqualTo(kept);
            TotalsInbox.Cells cells = new TotalsInbox.Cells();
            addCounted(cells, 1, "id > ?", last);
            // and updates: the old values out, the new ones in (V24: the update trigger leaves them to the writer too)
            addCounted(cells, -1, "id <= ? and id % 7 = 0", last);
            for (long id : jdbc.queryForList("select id from project where id <= ? and id % 7 = 0", Long.class, last)) {
                update(random, id);
            }
            addCounted(cells, 1, "id <= ? and id % 7 = 0", last);
            assertThat(jdbc.queryForObject("select count(*) from report_pending", Long.class)).isZero();
            try {
                cells.rows().copy(org.springframework.jdbc.datasource.DataSourceUtils.getConnection(jdbc.getDataSource()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(jdbc.queryForObject("select count(*) from report_delta_inbox", Long.class)).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from report_event_delta_inbox", Long.class)).isPositive();
        });
        assertThat(jdbc.queryForObject("select n from report_version", Long.class)).as("new cells change the figures")
                .isGreaterThan(version);
        // read from the totals and the inbox (until a merge, whenever it runs)
        compare(random, 120);
        assertMaintainedEqualsRebuilt();

        long unmerged = jdbc.queryForObject("select n from report_version", Long.class);
        assertThat(inbox.merge()).isPositive();
        assertThat(jdbc.queryForObject("select n from report_version", Long.class))
                .as("a merge changes no figure, so the kept reports stay").isEqualTo(unmerged);
        assertThat(jdbc.queryForObject("select count(*) from report_delta_inbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_event_delta_inbox", Long.class)).isZero();
        compare(random, 120);
        assertMaintainedEqualsRebuilt();
    }

    private void addCounted(TotalsInbox.Cells cells, int sign, String where, long id) {
        jdbc.query("""
                select region_code, unit_id, chain_id, event_id, investment, foreign_investment, utilized_foreign_capital,
                       on_stage, contacted_on, signed_on, landed_eff, terminated_on
                from project""" + " where " + where, rs -> {
            cells.add(sign, rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                    rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8),
                    rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                    rs.getObject(12, LocalDate.class));
        }, id);
    }

    @Test
    void truncatingTheLedgerEmptiesTheTotals() {
        insert(new Random(3), 50);
        assertThat(jdbc.queryForObject("select count(*) from report_delta", Long.class)).isPositive();
        fixtures.reset();
        assertThat(jdbc.queryForObject("select count(*) from report_delta", Long.class)).isZero();
        assertThat(totals.summary(period("350000", "2015-01-01", "2020-12-31")).total().count()).isZero();
    }

    @Test
    void theDatabaseRefusesDatesOutOfOrder() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into project (code, name, region_code, investment, contacted_on, signed_on)
                values ('BAD-1', '签约早于对接', '350112', 1, date '2017-03-01', date '2017-02-01')"""))
                .hasMessageContaining("project_dates_in_order");
        assertThatThrownBy(() -> jdbc.update("""
                insert into project (code, name, region_code, investment, contacted_on, signed_on, started_on)
                values ('BAD-2', '开工早于签约', '350112', 1, date '2017-03-01', date '2017-04-01', date '2017-03-15')"""))
                .hasMessageContaining("project_dates_in_order");
        assertThatThrownBy(() -> jdbc.update("""
                insert into project (code, name, region_code, investment, contacted_on, terminated_on)
                values ('BAD-3', '终止早于对接', '350112', 1, date '2017-03-01', date '2017-02-28')"""))
                .hasMessageContaining("project_dates_in_order");
    }

    private void compare(Random random, int periods) {
        for (int i = 0; i < periods; i++) {
            // half the periods start or end on, just before or just after a day something happened
            LocalDate a = random.nextBoolean() ? day(random) : days.get(random.nextInt(days.size())).plusDays(random.nextInt(3) - 1);
            LocalDate b = random.nextBoolean() ? day(random) : days.get(random.nextInt(days.size())).plusDays(random.nextInt(3) - 1);
            LocalDate from = a.isBefore(b) ? a : b;
            LocalDate to = a.isBefore(b) ? b : a;
            String region = REGIONS[random.nextInt(REGIONS.length)];
            ReportPeriod p = period(region, from.toString(), to.toString());
            String what = region + " " + from + ".." + to;
            assertThat(totals.summary(p)).as(what).isEqualTo(reports.ledgerSummary(p));
            assertThat(totals.byUnit(p)).as(what).isEqualTo(reports.ledgerByUnit(p));
            assertThat(totals.summaryAndUnits(p)).as(what + ": the briefing's summary from the units")
                    .isEqualTo(new Reports.SummaryAndUnits(reports.ledgerSummary(p), reports.ledgerByUnit(p)));
            assertThat(totals.byChain(p)).as(what).isEqualTo(reports.ledgerByChain(p));
            assertThat(totals.events(p)).as(what).isEqualTo(reports.ledgerEvents(p));
        }
        // the comparison saw real pools, not empty ones
        ReportPeriod wide = period("350000", "2016-01-01", "2017-12-31");
        assertThat(reports.ledgerSummary(wide).total().count()).isGreaterThan(50);
        assertThat(reports.ledgerSummary(wide).stage("SIGNED").count()).isPositive();
        assertThat(reports.ledgerEvents(wide)).isNotEmpty();
    }

    private ReportPeriod period(String region, String from, String to) {
        return new ReportPeriod(regions.require(region), LocalDate.parse(from), LocalDate.parse(to), DataScope.EVERYTHING);
    }

    /** A day of the test's span, often a month's or a year's first or last day, where the running sums change grain. */
    private static LocalDate day(Random random) {
        LocalDate d = START.plusDays(random.nextInt(DAYS));
        return switch (random.nextInt(6)) {
            case 0 -> d.withDayOfMonth(1);
            case 1 -> d.withDayOfMonth(d.lengthOfMonth());
            case 2 -> random.nextBoolean() ? d.withDayOfYear(1) : d.withDayOfYear(d.lengthOfYear());
            default -> d;
        };
    }

    private static LocalDate later(Random random, LocalDate d) {
        LocalDate candidate = switch (random.nextInt(4)) {
            case 0 -> d; // the same day
            case 1 -> d.plusDays(random.nextInt(40));
            default -> d.plusDays(random.nextInt(400));
        };
        return random.nextInt(5) == 0 ? candidate.withDayOfMonth(candidate.lengthOfMonth()) : candidate;
    }

    private void insert(Random random, int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(random, "RT-" + (++serial)));
        }
        jdbc.batchUpdate("""
                insert into project (region_code, unit_id, chain_id, event_id, investment, foreign_investment,
                                     utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_on, started_on,
                                     completed_on, terminated_on, code, name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private void update(Random random, long id) {
        Object[] r = row(random, null);
        switch (random.nextInt(4)) {
            case 0 -> jdbc.update("""
                    update project set contacted_on = ?, signed_on = ?, landed_on = ?, started_on = ?, completed_on = ?,
                                       terminated_on = ? where id = ?""", r[8], r[9], r[10], r[11], r[12], r[13], id);
            case 1 -> jdbc.update("update project set region_code = ?, unit_id = ?, chain_id = ? where id = ?", r[0], r[1], r[2], id);
            case 2 -> jdbc.update("update project set investment = ?, foreign_investment = ?, utilized_foreign_capital = ? where id = ?",
                    r[4], r[5], r[6], id);
            default -> jdbc.update("update project set name = name || '′' where id = ?", id); // changes nothing the totals see
        }
    }

    private Object[] row(Random random, String code) {
        Long unit = random.nextInt(8) == 0 ? null : units.get(random.nextInt(units.size()));
        String region = unit != null ? unitRegion.get(unit) : COUNTIES[random.nextInt(COUNTIES.length)];
        Long chain = random.nextInt(6) == 0 ? null : chains.get(random.nextInt(chains.size()));
        LocalDate c = day(random);
        LocalDate s = random.nextInt(3) == 0 ? null : later(random, c);
        LocalDate landed = null;
        LocalDate started = null;
        LocalDate completed = null;
        if (random.nextInt(2) == 0) {
            LocalDate l = later(random, s != null ? s : c);
            switch (random.nextInt(4)) {
                case 0 -> started = l;
                case 1 -> completed = l;
                case 2 -> {
                    landed = l;
                    started = later(random, l);
                }
                default -> landed = l;
            }
        }
        LocalDate landedEff = landed != null ? landed : started != null ? started : completed;
        LocalDate t = switch (random.nextInt(8)) {
            case 0, 1 -> later(random, c);
            case 2 -> s != null ? s : c; // terminated on the day it was signed
            case 3 -> landedEff != null ? landedEff : later(random, c); // ... or landed
            case 4 -> landedEff != null ? later(random, landedEff) : null; // landed, then terminated
            default -> null;
        };
        days.add(c);
        if (t != null) {
            days.add(t);
        }
        if (landedEff != null) {
            days.add(landedEff);
        }
        Long event = random.nextInt(3) == 0 ? events.get(random.nextInt(events.size())) : null;
        boolean onStage = event != null && s != null && random.nextBoolean();
        BigDecimal investment = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
        BigDecimal foreign = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(100_000), 2);
        BigDecimal utilized = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(50_000), 2);
        return new Object[] {region, unit, chain, event, investment, foreign, utilized, onStage, date(c), date(s), date(landed),
                date(started), date(completed), date(t), code, "项目" + code};
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private void assertMaintainedEqualsRebuilt() {
        TotalsCheck.Result r = check.run(false);
        assertThat(r.keptRows()).isPositive();
        assertThat(r.differing()).as("kept and rebuilt running totals differ").isZero();
        assertThat(r.rebuiltRows()).isEqualTo(r.keptRows());
    }

    @Test
    void totalsVerifyFindsAnAlteredTotalAndRepairsIt() {
        insert(new Random(11), 120);
        ReportPeriod p = period("350000", "2016-01-01", "2017-12-31");
        Summary right = reports.ledgerSummary(p);
        assertThat(check.run(false).consistent()).isTrue();
        jdbc.update("update report_delta set alive_n = alive_n + 1 where ctid = (select ctid from report_delta"
                + " where dim = 'R' and grain = 'Y' and period = date '2016-01-01' and region_code between '350000' and '359999'"
                + " and alive_n > 0 limit 1)");
        assertThat(totals.summary(p)).isNotEqualTo(right);
        TotalsCheck.Result found = check.run(false);
        assertThat(found.differing()).isEqualTo(2); // the altered row as kept and as rebuilt
        assertThat(found.repaired()).isFalse();
        assertThat(totals.summary(p)).as("a check without --repair changes nothing").isNotEqualTo(right);
        TotalsCheck.Result repaired = check.run(true);
        assertThat(repaired.repaired()).isTrue();
        assertThat(totals.summary(p)).isEqualTo(right);
        assertThat(check.run(false).consistent()).isTrue();
    }
}
