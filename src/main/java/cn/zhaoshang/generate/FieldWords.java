package cn.zhaoshang.generate;

import java.util.List;
import java.util.SplittableRandom;

/** The vocabulary of generated field work: leaders and their titles, what was discussed, what comes next. */
final class FieldWords {

    private FieldWords() {
    }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余叶程苏魏吕丁沈";
    private static final List<String> GIVEN = List.of("建华", "志强", "晓东", "国平", "文斌", "海峰", "明辉", "丽萍", "振宇", "少华",
            "德明", "永福", "秀英", "立新", "清泉", "春生", "卫东", "宏伟", "雅琴", "金水", "伟", "敏", "军", "勇", "静", "斌", "毅",
            "晨光", "建国", "学军", "玉兰", "光明", "思远", "如松", "榕生", "闽华", "爱华", "志明", "宝珠", "炳坤");

    /** 区委书记, 县长, 市委常委、常务副市长: the county's leaders, in order of rank ({@code X} is 区, 县 or 市). */
    private static final List<String> LEADER_TITLES = List.of("X委书记", "X长", "X委副书记", "X人大常委会主任", "X政协主席",
            "X委常委、常务副X长", "X委常委、组织部部长", "X委常委、宣传部部长", "X委常委、统战部部长", "副X长");

    static String person(SplittableRandom r) {
        return SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.get(r.nextInt(GIVEN.size()));
    }

    /** The rank-th leader of a county whose name ends in {@code suffix} (区, 县, 市); ranks past the list are 副X长. */
    static String leaderTitle(int rank, char suffix) {
        String t = LEADER_TITLES.get(Math.min(rank, LEADER_TITLES.size() - 1));
        return t.replace('X', suffix == '区' || suffix == '市' ? suffix : '县');
    }

    static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** Where investment teams go: the cities' weights, by index of {@link Words#CITIES} (福建 is not a city: 0). */
    static final int[] CITY_WEIGHTS = {10, 10, 9, 6, 7, 4, 4, 6, 6, 5, 4, 3, 3, 2, 3, 3, 2, 3, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 1, 1,
            1, 2, 1, 1, 3, 2, 1, 1, 0, 2, 2, 2};

    /** The department that sends a chain's team (by chain index), as its name without the county prefix. */
    static final List<String> CHAIN_DEPARTMENTS = List.of("工信局", "卫健局", "工信局", "工信局", "工信局", "商务局", "文旅局", "商务局",
            "教育局", "发改局", "科技局", "农业农村局", "发改局", "海洋与渔业局", "农业农村局");

    // what was discussed: {c} is the county, {p} its first park
    private static final List<String> FIRST_TALKS = List.of(
            "介绍{c}区位优势和产业扶持政策，了解企业发展规划",
            "推介{p}，企业有意在东南沿海布局",
            "了解企业扩张计划，介绍{c}用地和配套条件",
            "拜访企业负责人，交流产业发展趋势和合作方向",
            "企业介绍主营业务和上下游伙伴，愿意引荐合作企业");
    private static final List<String> REPEAT_TALKS = List.of(
            "就投资规模和选址进一步洽谈",
            "企业提出用地、用能和人才需求，逐项答复",
            "洽谈合作方案，企业关注扶持政策兑现",
            "交流项目可行性研究进展，商谈投资协议条款",
            "企业高层再次会谈，基本确定在{c}投资意向");
    private static final List<String> INSPECTION_TALKS = List.of(
            "企业来{c}实地考察{p}，座谈交流",
            "陪同企业考察拟选地块和标准厂房",
            "企业高管来访，与{c}主要领导会谈",
            "企业技术团队来访，考察配套和人才条件");
    private static final List<String> SERVICE_TALKS = List.of(
            "协调解决项目推进中的用地和审批问题",
            "了解项目建设进度，协调水电路等配套",
            "走访已落地企业，听取意见建议");

    // what comes next: continuing with a date, continuing with an inspection, closing without a date
    private static final List<String> NEXT_VISIT = List.of("再次拜访，洽谈选址", "寄送产业政策汇编和{p}介绍", "请企业提出具体合作方案",
            "对接{p}商谈落地条件", "安排{c}领导会见企业负责人", "跟进企业投资决策进展");
    private static final List<String> NEXT_INSPECTION = List.of("邀请企业来{c}考察", "安排企业实地考察{p}");
    private static final List<String> CLOSING = List.of("暂无投资意向，保持联系", "企业近期无扩张计划，保持联系", "企业已选定其他地区，终止跟进");
    private static final List<String> SERVICE_NEXT = List.of("项目已签约，转入跟踪服务", "协助办理项目注册和审批手续");

    /** A county's phrases, its name and first park filled in; the offsets say which part of the table is which. */
    static final class Phrases {
        static final int FIRST = 0;
        static final int REPEAT = FIRST + FIRST_TALKS.size();
        static final int INSPECTION = REPEAT + REPEAT_TALKS.size();
        static final int SERVICE = INSPECTION + INSPECTION_TALKS.size();
        static final int NEXT_VISIT = SERVICE + SERVICE_TALKS.size();
        static final int NEXT_INSPECTION = NEXT_VISIT + FieldWords.NEXT_VISIT.size();
        static final int CLOSING = NEXT_INSPECTION + FieldWords.NEXT_INSPECTION.size();
        static final int SERVICE_NEXT = CLOSING + FieldWords.CLOSING.size();
        static final int SIZE = SERVICE_NEXT + FieldWords.SERVICE_NEXT.size();

        final String[] text = new String[SIZE];

        Phrases(String county, String park) {
            int i = 0;
            for (List<String> part : List.of(FIRST_TALKS, REPEAT_TALKS, INSPECTION_TALKS, SERVICE_TALKS, FieldWords.NEXT_VISIT,
                    FieldWords.NEXT_INSPECTION, FieldWords.CLOSING, FieldWords.SERVICE_NEXT)) {
                for (String s : part) {
                    text[i++] = s.replace("{c}", county).replace("{p}", park);
                }
            }
        }

        /** A phrase of the part starting at {@code offset}. */
        static short pick(int offset, SplittableRandom r) {
            int end = offset == FIRST ? REPEAT : offset == REPEAT ? INSPECTION : offset == INSPECTION ? SERVICE
                    : offset == SERVICE ? NEXT_VISIT : offset == NEXT_VISIT ? NEXT_INSPECTION
                    : offset == NEXT_INSPECTION ? CLOSING : offset == CLOSING ? SERVICE_NEXT : SIZE;
            return (short) (offset + r.nextInt(end - offset));
        }
    }
}
