package cn.zhaoshang.enterprise;

import java.util.Arrays;
import java.util.List;

/** The enterprise edit form as typed: aliases in one text, separated by 、 or commas. */
public record EnterpriseForm(String name, String creditCode, String aliases, String version) {

    public static EnterpriseForm of(Enterprise e) {
        return new EnterpriseForm(e.name(), e.creditCode(), String.join("、", e.aliases()), String.valueOf(e.version()));
    }

    public List<String> aliasList() {
        if (aliases == null) {
            return List.of();
        }
        return Arrays.stream(aliases.split("[、,，;；\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The version read; a missing or tampered one can only conflict. */
    public int versionNumber() {
        try {
            return Integer.parseInt(version.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
