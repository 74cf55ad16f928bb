package cn.zhaoshang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.support.IntegrationTest;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visit row parser takes outside text: on 2,000 generated rows from a fixed seed (mixing valid cells, near misses
 * and junk) it never throws, answers a draft or errors (never both), names only real columns with Chinese messages,
 * and a draft always satisfies the rules (a date not after today, a follow-up not before the visit, a known region).
 */
class VisitRowsPropertiesTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 7, 31);
    private static final String[] JUNK = {"", " ", "\u3000", "2017-02-30", "2017/13/1", "２０１７／３／１", "2017年3月1日", "3/1/2017",
            "0", "-1", "1e5", "外出拜访", "来访考察", "VISIT", "inspection", "电话", "350112", "350182", "359999", "999999",
            "\"", "'; drop table visit; --", "\uFEFF", "𠀀𠀁", "a".repeat(2100), "null", "\t", "是", "否"};

    @Autowired
    VisitRows rows;

    @Test
    void anyRowIsEitherADraftOrNamedErrors() {
        Random r = new Random(4);
        Set<String> headers = new HashSet<>();
        for (VisitColumn c : VisitColumn.values()) {
            headers.add(c.header());
        }
        int drafts = 0;
        for (int i = 0; i < 2_000; i++) {
            Map<VisitColumn, String> raw = new EnumMap<>(VisitColumn.class);
            for (VisitColumn c : VisitColumn.values()) {
                raw.put(c, r.nextInt(3) == 0 ? JUNK[r.nextInt(JUNK.length)] : plausible(c, r));
            }
            String fallback = r.nextBoolean() ? "350112" : null;
            VisitRows.Result result = rows.parse(i + 2, raw, new VisitRows.Context(TODAY, fallback));
            assertThat(result.draft() == null).isEqualTo(!result.errors().isEmpty());
            for (CellError e : result.errors()) {
                assertThat(e.row()).isEqualTo(i + 2);
                assertThat(headers).contains(e.column());
                assertThat(e.message()).matches("(?s).*\\p{IsHan}.*");
            }
            if (result.ok()) {
                drafts++;
                VisitDraft d = result.draft();
                assertThat(d.visitedOn()).isBeforeOrEqualTo(TODAY);
                assertThat(d.followUpOn() == null || !d.followUpOn().isBefore(d.visitedOn())).isTrue();
                assertThat(d.regionCode()).as(raw.toString()).matches("\\d{6}");
                assertThat(d.team()).isNotBlank();
                assertThat(d.enterprise()).isNotBlank();
                assertThat(d.kind()).isNotNull();
                assertThat(d.creditCode() == null || CreditCodes.isValid(d.creditCode())).isTrue();
                assertThat(d.regionCode()).isNotEqualTo("350182");
            }
        }
        assertThat(drafts).as("the generator also makes valid rows").isGreaterThan(100);
    }

    @Test
    void aValidRowKeepsWhatItSays() {
        Map<VisitColumn, String> raw = new EnumMap<>(VisitColumn.class);
        raw.put(VisitColumn.DATE, "2017/3/1");
        raw.put(VisitColumn.TEAM, " 一队 ");
        raw.put(VisitColumn.REGION, "350182");
        raw.put(VisitColumn.ENTERPRISE, "国家信息中心");
        raw.put(VisitColumn.KIND, "来访考察");
        raw.put(VisitColumn.FOLLOW_UP_ON, "2017-03-01");
        VisitDraft d = rows.parse(2, raw, new VisitRows.Context(TODAY, null)).draft();
        assertThat(d).isNotNull();
        assertThat(d.visitedOn()).isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(d.team()).isEqualTo("一队");
        assertThat(d.regionCode()).isEqualTo("350112");
        assertThat(d.kind()).isEqualTo(Kind.INSPECTION);
        assertThat(d.followUpOn()).isEqualTo(d.visitedOn());
        assertThat(List.of(d.batch() == null, d.city() == null, d.projectCode() == null)).containsOnly(true);
    }

    private static String plausible(VisitColumn c, Random r) {
        LocalDate day = TODAY.minusDays(r.nextInt(400) - 20);
        return switch (c) {
            case DATE -> day.toString();
            case FOLLOW_UP_ON -> r.nextBoolean() ? "" : day.plusDays(r.nextInt(60) - 10).toString();
            case TEAM -> "第" + r.nextInt(20) + "小分队";
            case REGION -> r.nextBoolean() ? "" : List.of("350112", "350182", "350100", "110105").get(r.nextInt(4));
            case ENTERPRISE -> "企业" + r.nextInt(1000);
            case CREDIT_CODE -> r.nextBoolean() ? "" : CreditCodes.complete("9111010" + (1_000_000_000L + r.nextInt(1_000_000_000)));
            case KIND -> r.nextBoolean() ? "外出拜访" : "来访考察";
            default -> r.nextBoolean() ? "" : "文字" + r.nextInt(100);
        };
    }
}
