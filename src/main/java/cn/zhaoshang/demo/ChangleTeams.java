package cn.zhaoshang.demo;

import java.util.List;

/**
 * Changle's 17 investment teams of 2017: ten of the 东南大数据产业园, led by the city's top leaders (the party secretary
 * 许南吉 and the mayor 蔡劲松 among them), and seven led by the heads of departments and the 滨海新城 office.
 */
final class ChangleTeams {

    record Team(String name, String unit, String leader, String members, List<String> chains, List<String> cities) {
    }

    static final List<String> CITIES = List.of("北京", "杭州", "贵阳", "合肥", "成都");

    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final String[] PARK_LEADERS = {
        "市委书记 许南吉", "市长 蔡劲松", "市委副书记", "市人大常委会主任", "市政协主席", "市委常委、常务副市长",
        "市委常委、组织部部长", "市委常委、宣传部部长", "副市长（分管工业和信息化）", "副市长（分管卫生计生）"};

    private static final List<List<String>> PARK_CHAINS = List.of(
            List.of("大数据"), List.of("大数据", "医疗健康"), List.of("医疗健康"), List.of("电子信息"), List.of("大数据"));

    private ChangleTeams() {
    }

    static List<Team> all() {
        List<Team> teams = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            teams.add(new Team("东南大数据产业园第" + ORDINALS[i] + "小分队", LedgerKit.DATA_PARK, PARK_LEADERS[i],
                    "产业园办干部2名、招商专员2名", PARK_CHAINS.get(i % PARK_CHAINS.size()), CITIES));
        }
        teams.add(new Team("福州滨海新城招商小分队", LedgerKit.NEW_CITY, "滨海新城指挥部常务副总指挥", "新城办干部3名",
                List.of("医疗健康", "商贸服务"), List.of("北京", "杭州", "成都")));
        teams.add(new Team("医疗健康产业招商小分队", "市卫计局", "市卫计局局长", "卫计局干部2名", List.of("医疗健康"),
                List.of("北京", "杭州", "合肥")));
        teams.add(new Team("电子信息产业招商小分队", "市工信局", "市工信局局长", "工信局干部2名", List.of("电子信息"),
                List.of("合肥", "成都", "杭州")));
        teams.add(new Team("高端装备产业招商小分队", "市发改局", "市发改局局长", "发改局干部2名", List.of("高端装备"),
                List.of("合肥", "成都")));
        teams.add(new Team("现代物流招商小分队", "市商务局", "市商务局局长", "商务局干部2名", List.of("现代物流", "商贸服务"),
                List.of("杭州", "成都")));
        teams.add(new Team("文化旅游招商小分队", "市文体旅游局", "市文体旅游局局长", "文体旅游局干部2名", List.of("文化旅游"),
                List.of("北京", "杭州", "贵阳")));
        teams.add(new Team("纺织化纤产业招商小分队", "金峰镇", "金峰镇党委书记", "镇招商专员2名", List.of("纺织化纤"),
                List.of("杭州", "合肥")));
        return teams;
    }
}
