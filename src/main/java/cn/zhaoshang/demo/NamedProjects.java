package cn.zhaoshang.demo;

import static cn.zhaoshang.demo.LedgerKit.DATA_PARK;
import static cn.zhaoshang.demo.LedgerKit.NEW_CITY;

import java.time.LocalDate;

/** The projects the seed article names, with their enterprises, units and milestones. */
final class NamedProjects {

    static final String QIHOO = "北京奇虎科技有限公司";
    static final String PARK_360 = "360产业园";

    private final LedgerKit kit;

    NamedProjects(LedgerKit kit) {
        this.kit = kit;
    }

    /** Landed in the park before "518". */
    Draft[] earlyPark() {
        return new Draft[] {
            named("国家健康医疗大数据中心及产业园", DATA_PARK, "医疗健康", 500_000).key().source("上级推荐")
                    .investor(inv("中国健康医疗大数据产业发展有限公司", "91110000", true))
                    .dates("2016-06-15", "2016-10-26", "2017-01-20", "2017-05-08"),
            // registered as four business companies ("已完成4个版块公司的注册")
            named("神州优车东南运营总部", DATA_PARK, "大数据", 300_000).key().source("小分队拜访")
                    .investor(inv("神州优车股份有限公司", "91110108", false))
                    .dates("2016-09-08", "2016-12-16", "2017-03-10", null),
            named("东华软件医疗大数据项目", DATA_PARK, "医疗健康", 100_000).key().source("以商招商")
                    .referrer("中国健康医疗大数据产业发展有限公司")
                    .investor(inv("东华软件股份公司", "91110000", false))
                    .dates("2016-07-12", "2016-11-18", "2017-02-14", null),
            named("国信优易数据项目", DATA_PARK, "大数据", 50_000).source("以商招商").referrer("东华软件股份公司")
                    .investor(inv("国信优易数据有限公司", "91110108", true))
                    .dates("2016-12-20", "2017-02-22", "2017-03-28", "2017-06-16"),
            named("品生医学项目", DATA_PARK, "医疗健康", 30_000).source("小分队拜访")
                    .investor(inv("品生医学科技有限公司", "91350112", true)),
            named("无创心电项目", DATA_PARK, "医疗健康", 20_000).source("客商来访")
                    .investor(inv("福州无创心电科技有限公司", "91350112", true)),
            named("浪潮总部", DATA_PARK, "大数据", 200_000).key().source("小分队拜访").mustStart()
                    .investor(inv("浪潮集团有限公司", "91370000", false))
                    .dates("2016-10-11", "2017-01-06", "2017-02-27", "2017-06-28"),
            // the park's headquarters offices were handed over to it during site selection
            named("中航十二院项目", DATA_PARK, "高端装备", 100_000).key().source("上级推荐").mustStart()
                    .investor(inv("中国航空规划设计研究总院有限公司", "91110000", false))
                    .dates("2016-11-03", "2017-02-10", "2017-04-12", "2017-07-06"),
            named("省电子信息集团项目", DATA_PARK, "电子信息", 150_000).key().source("上级推荐").mustStart()
                    .investor(inv("福建省电子信息(集团)有限责任公司", "91350000", false))
                    .dates("2016-08-24", "2016-12-28", "2017-03-16", "2017-05-26"),
        };
    }

    /** Landed outside the parks before "518". */
    Draft[] earlyOther() {
        return new Draft[] {
            named("中天恒基广场", "吴航街道", "商贸服务", 150_000).key().source("客商来访")
                    .investor(inv("福州中天恒基置业有限公司", "91350182", false)),
            named("融侨国际双语学校", "市教育局", "教育", 80_000).key().source("客商来访")
                    .investor(inv("融侨集团股份有限公司", "91350000", false)),
            named("福州软件职业技术学院长乐新校区", "市教育局", "教育", 120_000).key().source("上级推荐")
                    .investor(inv("福州软件职业技术学院", "52350000", false)),
            named("规划展示馆", "市住建局", "文化旅游", 20_000).source("上级推荐").mustStart()
                    .dates("2016-10-20", "2016-12-30", "2017-01-18", "2017-03-15"),
        };
    }

    /** Landed in the park after "518", not at the fair. */
    Draft[] latePark() {
        return new Draft[] {
            named(PARK_360, DATA_PARK, "大数据", 1_000_000).key().source("小分队拜访")
                    .investor(inv(QIHOO, "91110105", false))
                    .dates("2016-08-16", "2017-04-26", "2017-06-20", "2017-07-18"),
            named("国家信息中心安全大数据开发与治理中心", DATA_PARK, "大数据", 500_000).key().source("小分队拜访")
                    .investor(inv("国家信息中心", "12100000", false))
                    .dates("2016-09-20", "2017-04-11", "2017-06-29", null),
            // parallel approval: site selection and filing in 24 hours
            named("社会和企业云一期", DATA_PARK, "大数据", 380_100).key().source("上级推荐")
                    .dates("2017-03-02", "2017-06-12", "2017-07-05", "2017-07-06"),
        };
    }

    /** Signed on stage at the 19th fair, not landed by the end of July. */
    Draft[] fairOnStageSigned() {
        return new Draft[] {
            named("中建海峡总部", "市住建局", "商贸服务", 500_000).source("海交会").foreign(50_000, 20_000)
                    .investor(inv("中建海峡建设发展有限公司", "91350100", false)),
            named("海航航空技术", "市发改局", "高端装备", 300_000).source("海交会").foreign(40_000, 15_000)
                    .investor(inv("海航航空技术股份有限公司", "91460000", false)),
            named("福州世界贸易中心", "市商务局", "商贸服务", 400_000).source("海交会").foreign(55_000, 20_000),
            named("国际健康小镇", NEW_CITY, "医疗健康", 250_000).source("海交会").foreign(35_000, 15_000),
            kit.fixed("电子信息", true, 150_000, 20_000, 8_000),
            kit.fixed("高端装备", false, 200_000, 25_000, 10_000),
            kit.fixed("现代物流", false, 180_000, 20_000, 8_000),
            kit.fixed("纺织化纤", false, 160_000, 15_000, 6_000),
            kit.fixed("文化旅游", false, 150_000, 10_000, 4_000),
            kit.fixed("电子信息", false, 110_000, 0, 0),
        };
    }

    /** Signed in 2017, not at the fair, not landed by the end of July: in the parks. */
    Draft[] signedPark() {
        return new Draft[] {
            named("中国移动数字化服务产业园", DATA_PARK, "大数据", 500_000).key().source("上级推荐")
                    .investor(inv("中国移动通信集团福建有限公司", "91350000", false))
                    .dates("2016-11-22", "2017-06-27", "2017-10-25", null),
            named("万达医疗全国医院总部", NEW_CITY, "医疗健康", 400_000).key().source("小分队拜访")
                    .investor(inv("大连万达集团股份有限公司", "91210200", false))
                    .dates("2017-01-16", "2017-07-14", null, null),
        };
    }

    Draft[] signedOther() {
        return new Draft[] {
            named("意大利足球城", "市文体旅游局", "文化旅游", 600_000).key().source("客商来访")
                    .dates("2016-12-07", "2017-04-21", null, null),
        };
    }

    /** Leads in the parks: the 360 park's six functional zones and lab, and the 正大 referral. */
    Draft[] leadsPark() {
        String[][] zones = {
            {"360科研中心", "大数据", "100000"}, {"360安全中心", "大数据", "80000"},
            {"360网络安全教育中心", "教育", "50000"}, {"360互联网金融基地", "大数据", "60000"},
            {"360互联网医院配套", "医疗健康", "40000"}, {"360孵化中心", "大数据", "30000"},
            {"网络空间安全国家工程实验室", "大数据", "60000"},
        };
        Draft[] out = new Draft[zones.length + 1];
        for (int i = 0; i < zones.length; i++) {
            Draft d = named(zones[i][0], DATA_PARK, zones[i][1], Long.parseLong(zones[i][2]))
                    .source("小分队拜访").parent(PARK_360).investor(kit.investors.named(QIHOO));
            d.contacted = kit.between(LocalDate.of(2017, 5, 2), LocalDate.of(2017, 7, 28));
            out[i] = d;
        }
        out[zones.length] = named("正大制药项目", NEW_CITY, "医疗健康", 100_000).source("以商招商")
                .referrer("国信优易数据有限公司").foreign(10_000, 0)
                .investor(inv("正大制药(青岛)有限公司", "91370200", false))
                .dates("2017-05-09", null, null, null);
        return out;
    }

    private Draft named(String name, String unit, String chain, long amount) {
        Draft d = new Draft(kit.names.reserve(name), unit, chain, amount);
        d.named = true;
        return d;
    }

    private Investors.Investor inv(String name, String prefix8, boolean recent) {
        return kit.investors.get(name, prefix8, recent);
    }
}
