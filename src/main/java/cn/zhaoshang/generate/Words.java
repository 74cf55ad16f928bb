package cn.zhaoshang.generate;

import java.util.ArrayList;
import java.util.List;

/** The vocabulary generated names are made of: chains, units, enterprise and project names, sources. */
final class Words {

    private Words() {
    }

    /** The industry chains (产业链), each with what its companies call themselves and what its projects are called. */
    record Chain(String name, List<String> companyKinds, List<String> projectKinds) {
    }

    // company kinds are pairwise distinct across chains: with a fixed-width city and brand this keeps names unique
    static final List<Chain> CHAINS = List.of(
            new Chain("大数据", List.of("数据科技", "信息技术", "云计算科技", "网络科技"),
                    List.of("大数据中心", "云计算中心", "数据服务基地", "大数据应用项目", "数据灾备中心", "人工智能研发中心")),
            new Chain("医疗健康", List.of("医疗科技", "生物科技", "健康产业发展", "医药"),
                    List.of("精准医疗中心", "健康管理中心", "生物医药产业基地", "康养中心", "医学检验中心", "医疗器械项目")),
            new Chain("电子信息", List.of("电子科技", "光电科技", "微电子", "智能科技"),
                    List.of("智能终端产业园", "物联网产业基地", "集成电路设计中心", "光电显示项目", "软件研发中心")),
            new Chain("纺织化纤", List.of("纺织", "化纤", "经编", "织造"),
                    List.of("差别化纤维项目", "经编面料项目", "锦纶纺丝项目", "印染提升项目", "纺织新材料项目")),
            new Chain("高端装备", List.of("机械", "智能装备", "精密制造", "汽车零部件"),
                    List.of("智能制造基地", "精密机械项目", "新能源汽车零部件项目", "智能装备产业园", "工业机器人项目")),
            new Chain("现代物流", List.of("物流", "供应链管理", "冷链物流", "仓储"),
                    List.of("物流园", "冷链物流中心", "电商仓储中心", "供应链基地", "港口物流项目")),
            new Chain("文化旅游", List.of("文化旅游发展", "旅游开发", "文化传媒", "影视文化"),
                    List.of("文旅综合体", "滨海度假区", "影视文化基地", "特色小镇", "民宿集群项目")),
            new Chain("商贸服务", List.of("商贸", "置业", "商业管理", "酒店管理"),
                    List.of("商业综合体", "总部大楼", "金融服务中心", "商贸城", "酒店项目")),
            new Chain("教育", List.of("教育投资", "教育科技", "教育发展", "培训服务"),
                    List.of("实验学校", "职业培训中心", "国际幼儿园", "教育综合体")),
            new Chain("新能源", List.of("新能源科技", "光伏科技", "储能技术", "电力"),
                    List.of("光伏电站项目", "储能电站项目", "海上风电项目", "动力电池项目", "充电设施项目")),
            new Chain("新材料", List.of("新材料科技", "复合材料", "高分子材料", "石墨烯科技"),
                    List.of("新材料产业园", "复合材料项目", "特种合金项目", "功能膜材料项目")),
            new Chain("食品加工", List.of("食品", "农产品加工", "饮料", "水产食品"),
                    List.of("食品加工项目", "中央厨房项目", "饮料生产线项目", "水产品精深加工项目")),
            new Chain("石油化工", List.of("化工", "石化", "精细化工", "化学"),
                    List.of("精细化工项目", "乙烯下游项目", "化工新材料项目", "仓储码头项目")),
            new Chain("海洋经济", List.of("海洋科技", "远洋渔业", "海洋生物", "船舶"),
                    List.of("远洋渔业基地", "海洋生物医药项目", "船舶修造项目", "海洋牧场项目")),
            new Chain("现代农业", List.of("农业发展", "生态农业", "种业", "茶业"),
                    List.of("现代农业示范园", "种苗繁育基地", "茶产业园", "农产品冷链项目")));

    static final List<String> GENERIC_COMPANY_KINDS = List.of("实业", "投资管理", "控股", "发展");
    static final List<String> GENERIC_PROJECT_KINDS = List.of("综合体项目", "总部项目", "扩建项目", "产业园项目");

    static final List<String> LEGAL_FORMS = List.of("有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司");

    /** Cities investors come from, two characters each, with the region part of their credit codes. */
    static final String[][] CITIES = {
            {"北京", "110108"}, {"上海", "310115"}, {"深圳", "440300"}, {"广州", "440106"}, {"杭州", "330106"},
            {"南京", "320105"}, {"苏州", "320505"}, {"厦门", "350206"}, {"福州", "350102"}, {"泉州", "350503"},
            {"成都", "510107"}, {"武汉", "420106"}, {"合肥", "340104"}, {"西安", "610113"}, {"天津", "120116"},
            {"重庆", "500112"}, {"青岛", "370212"}, {"宁波", "330212"}, {"长沙", "430104"}, {"郑州", "410105"},
            {"济南", "370102"}, {"无锡", "320214"}, {"东莞", "441900"}, {"佛山", "440604"}, {"珠海", "440402"},
            {"漳州", "350602"}, {"莆田", "350302"}, {"宁德", "350902"}, {"三明", "350404"}, {"南平", "350702"},
            {"龙岩", "350802"}, {"贵阳", "520115"}, {"昆明", "530112"}, {"南昌", "360111"}, {"温州", "330302"},
            {"常州", "320411"}, {"大连", "210204"}, {"沈阳", "210106"}, {"福建", "350100"}, {"石狮", "350581"},
            {"晋江", "350582"}, {"福清", "350181"}};

    private static final String BRAND_FIRST = "华恒鑫瑞博嘉泰宏海信盛新金联创安康明永远凯隆腾达源云星汇宇佳润中天正国"
            + "东南北西京闽榕泉厦龙凤祥和富贵昌兴茂振德丰益盈旭晨光辉锦绣宝聚合力科智博睿思捷迅启航远景成方圆同大";
    private static final String BRAND_SECOND = "通信源泰盛康辉科宇联创兴润邦航锐弘德丰誉晟辰越麟晖峰达鑫业旺隆发顺安"
            + "诚和谷川海山林森实成德铭宸灏弘瀚璟琪骏翔鹏程远达恒立信美华蓝天域际星图数维尚道合一元极";

    /** Every two-character brand of distinct characters, in a fixed order. */
    static final List<String> BRANDS = brands();

    private static List<String> brands() {
        List<String> list = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < BRAND_FIRST.length(); i++) {
            for (int j = 0; j < BRAND_SECOND.length(); j++) {
                char a = BRAND_FIRST.charAt(i);
                char b = BRAND_SECOND.charAt(j);
                String s = "" + a + b;
                if (a != b && seen.add(s)) {
                    list.add(s);
                }
            }
        }
        return List.copyOf(list);
    }

    /** 市直部门, written with the county's own prefix: 区商务局, 县发改局, 市工信局. */
    static final List<String> DEPARTMENTS = List.of("商务局", "发改局", "工信局", "科技局", "文旅局", "农业农村局", "自然资源局",
            "住建局", "投资促进中心", "财政局", "卫健局", "教育局", "交通运输局", "市场监管局", "海洋与渔业局", "国资中心");

    private static final String PLACE_FIRST = "东西南北上下新大小金银龙凤马鹤梅兰竹松桃李柳石岩江湖海山溪塘港洋浦湾潭首玉文古"
            + "青白红黄云安永福庆吉平高长兴仁义礼";
    private static final String PLACE_SECOND = "山田坑头口岭坂湖厝埔林岗塘洲屿坪坊亭桥门峰阳城港航前后庄坑岐宅园亭里";

    /** A two-character place name for a township; the caller keeps them unique within a county. */
    static String place(java.util.SplittableRandom rnd) {
        char a;
        char b;
        do {
            a = PLACE_FIRST.charAt(rnd.nextInt(PLACE_FIRST.length()));
            b = PLACE_SECOND.charAt(rnd.nextInt(PLACE_SECOND.length()));
        } while (a == b);
        return "" + a + b;
    }

    /** Industrial parks: the names carry 园区, 开发区 or 新区 so the ledger sees them as parks. */
    static final List<String> PARKS_WITH_COUNTY = List.of("经济开发区", "高新技术产业园区", "工业园区", "科技园");
    static final List<String> PARKS_PLAIN = List.of("滨海工业园区", "临港产业园", "智能制造产业园", "数字经济产业园", "现代物流园",
            "临空经济区产业园", "生物医药产业园");

    static final List<String> SOURCES = List.of("小分队拜访", "小分队拜访", "以商招商", "展会洽谈", "来访考察", "中介推荐", "驻外招商",
            "网络招商", "上级推送");

    static final List<String> PHASES = List.of("（二期）", "（三期）", "（扩建）", "（配套）", "（研发中心）", "（生产基地）");

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** 19 → 十九, 21 → 二十一: how a fair's edition is written. */
    static String chineseNumber(int n) {
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
    }
}
