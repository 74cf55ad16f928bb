package cn.zhaoshang.visit;

import cn.zhaoshang.enterprise.EnterpriseRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The team form as typed: lists separated by 、 , ； or spaces; targets one per line, "企业名称" or "企业名称,信用代码". */
record TeamForm(String name, String region, String unit, String leader, String members, String chains, String cities,
                String targets, String users, String version) {

    static TeamForm of(Map<String, String> p) {
        return new TeamForm(p.get("name"), p.get("region"), p.get("unit"), p.get("leader"), p.get("members"), p.get("chains"),
                p.get("cities"), p.get("targets"), p.get("users"), p.get("version"));
    }

    static TeamForm blank(String region) {
        return new TeamForm("", region, "", "", "", "", "", "", "", null);
    }

    Teams.Spec spec() {
        List<EnterpriseRef> refs = new ArrayList<>();
        for (String line : (targets == null ? "" : targets).split("\\R")) {
            String[] parts = line.split("[,，\\t]");
            String name = parts[0].strip();
            String code = parts.length > 1 ? parts[1].strip().toUpperCase(java.util.Locale.ROOT) : null;
            if (!name.isEmpty()) {
                refs.add(new EnterpriseRef(code, name));
            }
        }
        return new Teams.Spec(name, region, unit, leader, members, split(chains), split(cities), refs, split(users));
    }

    Integer versionNumber() {
        try {
            return version == null || version.isBlank() ? null : Integer.valueOf(version.trim());
        } catch (NumberFormatException e) {
            return -1; // a tampered version can only conflict
        }
    }

    static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[、,，;；\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
