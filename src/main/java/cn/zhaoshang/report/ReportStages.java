package cn.zhaoshang.report;

import cn.zhaoshang.common.DomainException;
import java.util.Map;

/** The three stages a report counts in, with their Chinese labels. */
public final class ReportStages {

    public static final Map<String, String> LABELS = Map.of("LEAD", "线索", "SIGNED", "已签约", "LANDED", "落地");

    private ReportStages() {
    }

    static String parse(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        String s = stage.trim().toUpperCase();
        if (!LABELS.containsKey(s)) {
            throw DomainException.badRequest("参数 stage 应为 LEAD、SIGNED 或 LANDED：" + stage);
        }
        return s;
    }
}
