package cn.zhaoshang.visit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One valid visit row, before names are resolved to ids. {@code regionCode} is the team's home region, current code. */
record VisitDraft(LocalDate visitedOn, String team, String regionCode, String batch, String city, String enterprise,
                  String creditCode, Kind kind, String leader, String members, String discussion, String nextStep,
                  LocalDate followUpOn, String projectCode) {

    String teamKey() {
        return regionCode + "|" + team;
    }

    /** What a row says besides its natural key (date, team, enterprise, kind): equal snapshots mean nothing to change. */
    Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(VisitColumn.BATCH.header(), text(batch));
        s.put(VisitColumn.CITY.header(), text(city));
        s.put(VisitColumn.LEADER.header(), text(leader));
        s.put(VisitColumn.MEMBERS.header(), text(members));
        s.put(VisitColumn.DISCUSSION.header(), text(discussion));
        s.put(VisitColumn.NEXT_STEP.header(), text(nextStep));
        s.put(VisitColumn.FOLLOW_UP_ON.header(), followUpOn == null ? "" : followUpOn.toString());
        s.put(VisitColumn.PROJECT_CODE.header(), text(projectCode));
        return s;
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
