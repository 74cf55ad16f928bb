package cn.zhaoshang.visit;

import java.util.Arrays;
import java.util.Optional;

/** 方式: our team goes to the enterprise (外出拜访), or the enterprise comes to inspect us (来访考察). */
public enum Kind {
    VISIT("外出拜访"),
    INSPECTION("来访考察");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The contract's two words; the English names are accepted for API clients. */
    static Optional<Kind> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(k -> k.label.equals(t) || k.name().equalsIgnoreCase(t)).findFirst();
    }
}
