package cn.zhaoshang.audit;

/**
 * One thing to put on record. {@code detail} is JSON text (for changes: old and new values) or null.
 *
 * @param objectType e.g. project, user, unit, import
 */
public record AuditEntry(String action, String objectType, String objectId, AuditResult result, String detail) {

    public static AuditEntry success(String action, String objectType, String objectId, String detail) {
        return new AuditEntry(action, objectType, objectId, AuditResult.SUCCESS, detail);
    }
}
