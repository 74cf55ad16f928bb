package cn.zhaoshang.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Plausible, unique names for generated projects and their investors. */
final class DemoNames {

    private static final String FIRST = "华恒鑫瑞博嘉泰宏海信盛新金联创安康明永远凯隆腾达源云星汇宇佳润";
    private static final String SECOND = "通信源泰盛康辉科宇联创兴润邦航锐弘德丰誉晟辰越麟晖峰";

    private static final Map<String, List<String>> PROJECT_SUFFIXES = Map.of(
            "大数据", List.of("大数据中心", "云计算中心", "数据服务基地", "大数据应用项目", "数据灾备中心", "人工智能研发中心"),
            "医疗健康", List.of("医疗大数据项目", "精准医疗中心", "健康管理中心", "生物医药产业基地", "康养中心", "远程医疗平台", "医学检验中心"),
            "电子信息", List.of("智能终端产业园", "物联网产业基地", "集成电路设计中心", "光电产业园", "软件研发中心"),
            "纺织化纤", List.of("差别化纤维项目", "经编面料项目", "锦纶纺丝项目", "印染提升项目", "纺织新材料产业园"),
            "高端装备", List.of("智能制造基地", "精密机械项目", "新能源汽车零部件项目", "智能装备产业园"),
            "现代物流", List.of("物流园", "冷链物流中心", "电商仓储中心", "供应链基地"),
            "文化旅游", List.of("文旅综合体", "滨海度假区", "影视文化基地", "特色小镇", "民宿集群项目"),
            "商贸服务", List.of("商业综合体", "总部大楼", "金融服务中心", "商贸城", "酒店项目"),
            "教育", List.of("实验学校", "职业培训中心", "国际幼儿园", "教育综合体"));

    private static final Map<String, List<String>> COMPANY_KINDS = Map.of(
            "大数据", List.of("数据科技", "信息技术", "云计算科技", "网络科技"),
            "医疗健康", List.of("医疗科技", "生物科技", "健康产业发展", "医药"),
            "电子信息", List.of("电子科技", "光电科技", "微电子", "智能科技"),
            "纺织化纤", List.of("纺织", "化纤", "经编", "新材料科技"),
            "高端装备", List.of("机械", "智能装备", "精密制造", "汽车零部件"),
            "现代物流", List.of("物流", "供应链管理", "冷链物流", "仓储"),
            "文化旅游", List.of("文化旅游发展", "旅游开发", "文化传媒"),
            "商贸服务", List.of("商贸", "实业", "置业", "投资管理"),
            "教育", List.of("教育投资", "教育科技", "教育发展"));

    /** Cities our teams visit, with the region part of their credit codes. */
    private static final List<String[]> TECH_CITIES = List.of(
            new String[] {"北京", "110108"}, new String[] {"上海", "310115"}, new String[] {"深圳", "440300"},
            new String[] {"杭州", "330106"}, new String[] {"成都", "510100"}, new String[] {"合肥", "340100"},
            new String[] {"贵阳", "520100"}, new String[] {"福州", "350100"}, new String[] {"厦门", "350200"});
    private static final List<String[]> LOCAL_CITIES = List.of(
            new String[] {"福州", "350100"}, new String[] {"长乐", "350182"}, new String[] {"福建", "350000"},
            new String[] {"厦门", "350200"}, new String[] {"泉州", "350500"}, new String[] {"福州", "350100"});

    private final Random rnd;
    private final Investors investors;
    private final Set<String> brands = new HashSet<>(Set.of(
            "奇虎", "神州", "浪潮", "东华", "国信", "正大", "品生", "无创", "中航", "中天", "融侨", "中建", "海航",
            "万达", "信源", "华信",
            // well-known brands and place names, kept out of generated names
            "博通", "海信", "华润", "联通", "永辉", "海通", "安信", "华兴", "宇通", "泰康", "海康", "华创", "金科",
            "华宇", "恒通", "永泰", "嘉兴", "新兴", "泰兴", "永兴", "康泰", "金辉", "明源", "汇通", "盛通", "新科"));
    private final Set<String> projectNames = new HashSet<>();

    DemoNames(Random rnd, Investors investors) {
        this.rnd = rnd;
        this.investors = investors;
    }

    /** Reserves a name given by hand; a name is used once in the ledger. */
    String reserve(String name) {
        if (!projectNames.add(name)) {
            throw new IllegalStateException("duplicate project name " + name);
        }
        return name;
    }

    String brand() {
        String brand;
        do {
            char a = FIRST.charAt(rnd.nextInt(FIRST.length()));
            char b = SECOND.charAt(rnd.nextInt(SECOND.length()));
            brand = a == b ? "" : "" + a + b;
        } while (brand.isEmpty() || !brands.add(brand));
        return brand;
    }

    String project(String brand, String chain) {
        return reserve(brand + pick(PROJECT_SUFFIXES.get(chain)));
    }

    /** A domestic investor (a company of a city our teams visit) or a foreign-invested local one. */
    Investors.Investor investor(String brand, String chain, boolean foreignInvested) {
        String kind = pick(COMPANY_KINDS.get(chain));
        if (foreignInvested) {
            return investors.get(brand + "(福州)" + kind + "有限公司", "91350182", false);
        }
        boolean tech = chain.equals("大数据") || chain.equals("电子信息") || chain.equals("医疗健康");
        String[] city = pick(tech ? TECH_CITIES : LOCAL_CITIES);
        boolean recent = rnd.nextInt(10) < 4;
        String region = city[1].equals("350182") && recent ? "350112" : city[1];
        return investors.get(city[0] + brand + kind + "有限公司", "91" + region, recent);
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }
}
