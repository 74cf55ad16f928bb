package cn.zhaoshang.project;

import java.util.Arrays;
import java.util.Optional;

/** The pipeline: 线索 → 已签约 → 落地 → 开工 → 竣工, or 终止. It follows from the project's dates. */
public enum Stage {
    LEAD("线索"),
    SIGNED("已签约"),
    LANDED("落地"),
    STARTED("开工"),
    COMPLETED("竣工"),
    TERMINATED("终止");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Construction and completion count as landed in every report. */
    public boolean hasLanded() {
        return this == LANDED || this == STARTED || this == COMPLETED;
    }

    /** A 阶段 cell: the Chinese word (with the article's synonyms) or the English name. */
    public static Optional<Stage> parse(String text) {
        String t = text.trim();
        return switch (t) {
            case "线索", "线索项目" -> Optional.of(LEAD);
            case "签约", "已签约" -> Optional.of(SIGNED);
            case "落地", "已落地" -> Optional.of(LANDED);
            case "开工", "动建", "已开工" -> Optional.of(STARTED);
            case "竣工", "投产", "已竣工" -> Optional.of(COMPLETED);
            case "终止", "已终止" -> Optional.of(TERMINATED);
            default -> Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t)).findFirst();
        };
    }
}
