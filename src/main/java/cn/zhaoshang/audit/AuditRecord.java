package cn.zhaoshang.audit;

import java.time.Instant;

/** A row of the trail as stored. */
public record AuditRecord(long id, Instant at, String username, String unit, String ip, String action, String objectType,
                          String objectId, AuditResult result, String detail, String prevHash, String hash) {

    /** What the hash covers: every field and the previous row's hash, so altering or removing a row breaks the chain. */
    String canonical() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return String.join("\u001f", prevHash, Long.toString(id), Long.toString(micros), n(username), n(unit), n(ip),
                action, n(objectType), n(objectId), result.name(), n(detail));
    }

    private static String n(String s) {
        return s == null ? "\u2400" : s;
    }
}
