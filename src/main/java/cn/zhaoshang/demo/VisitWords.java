package cn.zhaoshang.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Companies met on the trips, what was discussed and what comes next: plausible words, unique company names. */
final class VisitWords {

    private static final String FIRST = "安启卓鼎诺拓维弘旗晨嘉睿优蓝致合智微聚思";
    private static final String SECOND = "达远景成途数芯联行方极川和锐信维创正科谷";

    private static final Map<String, List<String>> KINDS = Map.of(
            "大数据", List.of("大数据技术", "云服务", "信息服务", "软件", "人工智能技术", "数字技术"),
            "医疗健康", List.of("医疗器械", "健康管理", "基因技术", "医学信息技术"),
            "电子信息", List.of("物联网技术", "半导体", "通信技术", "显示技术"),
            "高端装备", List.of("机器人", "智能制造技术", "航空装备"),
            "现代物流", List.of("供应链服务", "物流网络技术"),
            "商贸服务", List.of("商业管理", "投资发展"),
            "文化旅游", List.of("文化创意", "旅游发展"),
            "纺织化纤", List.of("纤维材料", "纺织科技发展"));

    private static final List<String> TALKS = List.of(
            "介绍长乐区位优势和东南大数据产业园扶持政策，企业有意在东南沿海布局",
            "交流国家健康医疗大数据中心试点进展，探讨数据应用合作",
            "了解企业扩张计划，推介福州滨海新城配套和用地条件",
            "就设立区域总部和研发中心交换意见，企业关注人才和办公场所",
            "企业介绍主营业务和上下游伙伴，愿意引荐合作企业来长考察",
            "洽谈数据中心机房和带宽需求，对电价和土地价格较为关注");

    private static final List<String> NEXT = List.of(
            "邀请企业来长乐考察", "寄送产业政策汇编和园区介绍", "再次拜访，洽谈选址", "对接园区办商谈落地条件",
            "请企业提出具体合作方案", "安排市领导会见");

    private final Set<String> names = new HashSet<>();

    String company(String city, String chain, Random rnd) {
        List<String> kinds = KINDS.getOrDefault(chain, KINDS.get("大数据"));
        String name;
        do {
            name = city + FIRST.charAt(rnd.nextInt(FIRST.length())) + SECOND.charAt(rnd.nextInt(SECOND.length()))
                    + kinds.get(rnd.nextInt(kinds.size())) + "有限公司";
        } while (!names.add(name));
        return name;
    }

    String discussion(String chain, Random rnd) {
        return TALKS.get(rnd.nextInt(TALKS.size()));
    }

    String nextStep(Random rnd) {
        return NEXT.get(rnd.nextInt(NEXT.size()));
    }
}
