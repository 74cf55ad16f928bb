package cn.zhaoshang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Changle (长乐, 350112) 2017 demonstration ledger, as CONTRACT §3 import rows, so that the demo
 * is loaded through the normal import path.
 *
 * <p>The report pool for 2017-01-01..2017-07-31 is built from disjoint cells whose counts and sums
 * reproduce the seed article exactly (247 projects / 1947.6亿; 105 landed / 756.2亿; 126 leads /
 * 769.01亿; 16 signed / 422.39亿; "518": 59 landed / 369.81亿; the two parks 97 / 776.38亿 with 32
 * landed / 442.98亿; 21 landed 医疗健康 projects; the 19th fair 55 / 448.38亿 / 44.2亿美元 / 13亿美元,
 * 15 on stage / 272.76亿 / 30亿美元 / 12亿美元). Around it sit projects landed in 2016, terminated in
 * 2017 and contacted after July 2017, none of which enters that pool.
 */
public final class ChangleLedger {

    /** The CONTRACT §3 columns, in the order of every row. */
    public static final List<String> HEADERS = List.of(
            "项目编号", "项目名称", "投资方", "统一社会信用代码", "行政区划代码", "责任单位", "产业链",
            "总投资(万元)", "外资(万美元)", "实际利用外资(万美元)", "重点项目",
            "对接日期", "签约日期", "落地日期", "开工日期", "竣工日期", "终止日期",
            "签约活动", "上台签约", "来源", "引荐企业", "上级项目编号");

    static final long SEED = 20170731L;
    private static final String CODE_PREFIX = "CL2017-";
    private static final LocalDate REFERRERS_ARRIVE = LocalDate.of(2017, 1, 1);

    private ChangleLedger() {
    }

    /**
     * Ordered rows; each row maps a CONTRACT §3 header to cell text ("" for empty). Codes follow the
     * order of first contact, so a parent always comes before the projects split from it.
     */
    public static List<Map<String, String>> projects() {
        LedgerKit kit = new LedgerKit(SEED);
        List<Draft> drafts = new ArrayList<>(new PoolCells(kit).build());
        drafts.addAll(new ContextRows(kit).build());
        for (Draft d : drafts) {
            if (!d.named && d.contacted.isBefore(REFERRERS_ARRIVE)) {
                d.referrer = ""; // the leading enterprises came in 2016-2017; nobody named them as referrer before
            }
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.contacted)); // stable: ties keep generation order

        Map<String, String> codeByName = new HashMap<>();
        List<Map<String, String>> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            d.code = CODE_PREFIX + String.format("%04d", i + 1);
            String parentCode = null;
            if (d.parentName != null) {
                parentCode = codeByName.get(d.parentName);
                if (parentCode == null) {
                    throw new IllegalStateException(d.name + " comes before its parent " + d.parentName);
                }
            }
            codeByName.put(d.name, d.code);
            rows.add(Collections.unmodifiableMap(d.toRow(parentCode)));
        }
        return Collections.unmodifiableList(rows);
    }
}
