package cn.zhaoshang.report;

import cn.zhaoshang.common.Money;
import cn.zhaoshang.platform.ReportDatabase;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The written briefing (简报), in the register of the city's own bulletin; zh-TW by character conversion of the same text (項目, as the seed article writes it, not the Taiwan idiom 專案). */
@Component
public class Briefing {

    private final Reports reports;
    private final ReportDatabase db;
    private final ReportCache cache;

    Briefing(Reports reports, ReportDatabase db, ReportCache cache) {
        this.reports = reports;
        this.db = db;
        this.cache = cache;
    }

    public String write(ReportPeriod period, boolean traditional) {
        // its four reports from one database and one snapshot
        return cache.get("briefing", period, traditional, () -> {
            String text = db.read(jdbc -> simplified(period));
            return traditional ? ZhConverterUtil.toTraditional(text) : text;
        });
    }

    String simplified(ReportPeriod p) {
        Reports.SummaryAndUnits first = reports.summaryAndUnits(p);
        Summary s = first.summary();
        String place = p.region().name();
        StringBuilder b = new StringBuilder();
        b.append(place).append("招商引资工作简报\n");
        b.append("（统计期间：").append(date(p.from())).append("至").append(date(p.to())).append("）\n\n");
        b.append("一、总体情况\n");
        if (s.total().count() == 0) {
            b.append("截至").append(date(p.to())).append("，").append(place).append("本期暂无对接洽谈项目。\n");
            return b.toString();
        }
        b.append("截至").append(date(p.to())).append("，").append(place).append("共")
                .append(figure("对接洽谈", s.total()))
                .append("，其中").append(figure("落地", s.stage("LANDED")))
                .append("，").append(figure("线索", s.stage("LEAD")))
                .append("，").append(figure("已签约", s.stage("SIGNED"))).append("。\n");

        List<GroupRow> units = first.units();
        if (!units.isEmpty()) {
            b.append("\n二、责任单位推进情况\n");
            b.append(units.stream().limit(8).map(r -> r.key() + "对接洽谈" + r.count() + "个、总投资" + Money.yi(r.investment())
                    + "亿元，其中落地" + r.landed().count() + "个、总投资" + Money.yi(r.landed().investment()) + "亿元")
                    .collect(Collectors.joining("；"))).append("。\n");
        }
        List<GroupRow> chains = reports.byChain(p).stream().filter(r -> !Reports.NO_CHAIN.equals(r.key())).toList();
        if (!chains.isEmpty()) {
            b.append("\n三、产业链招商情况\n");
            b.append("围绕").append(chains.stream().limit(3).map(GroupRow::key).collect(Collectors.joining("、")))
                    .append("等产业链开展集群招商：");
            b.append(chains.stream().limit(8).map(r -> r.key() + "产业链对接洽谈" + r.count() + "个、总投资"
                    + Money.yi(r.investment()) + "亿元，已落地" + r.landed().count() + "个")
                    .collect(Collectors.joining("；"))).append("。\n");
        }
        List<EventRow> events = reports.events(p);
        if (!events.isEmpty()) {
            b.append("\n四、签约活动成效\n");
            for (EventRow e : events) {
                b.append(e.event()).append("共签约项目").append(e.count()).append("项，总投资").append(Money.yi(e.investment()))
                        .append("亿元");
                appendForeign(b, e.foreignInvestment(), e.utilizedForeignCapital());
                if (e.onStage().count() > 0) {
                    b.append("，其中").append(e.onStage().count()).append("个重点项目上台签约，总投资")
                            .append(Money.yi(e.onStage().investment())).append("亿元");
                    appendForeign(b, e.onStage().foreignInvestment(), e.onStage().utilizedForeignCapital());
                }
                b.append("。\n");
            }
        }
        return b.toString();
    }

    /** The contract's form: 落地项目105个、总投资756.2亿元. */
    static String figure(String label, Figures f) {
        return label + "项目" + f.count() + "个、总投资" + Money.yi(f.investment()) + "亿元";
    }

    private static void appendForeign(StringBuilder b, BigDecimal foreign, BigDecimal utilized) {
        if (foreign.signum() > 0) {
            b.append("、外资").append(Money.yi(foreign)).append("亿美元");
        }
        if (utilized.signum() > 0) {
            b.append("、利用外资").append(Money.yi(utilized)).append("亿美元");
        }
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
