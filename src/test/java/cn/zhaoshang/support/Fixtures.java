package cn.zhaoshang.support;

import cn.zhaoshang.demo.ChangleLedger;
import cn.zhaoshang.project.ProjectImport;
import cn.zhaoshang.project.RowGuard;
import cn.zhaoshang.sheet.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the shared test database into a known state. */
@TestComponent
public class Fixtures {

    private final JdbcClient jdbc;
    private final ProjectImport projectImport;
    private final cn.zhaoshang.identity.LoginPolicies policies;

    Fixtures(JdbcClient jdbc, ProjectImport projectImport, cn.zhaoshang.identity.LoginPolicies policies) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.projectImport = projectImport;
    }

    /** An empty ledger (regions and accounts stay). */
    public void reset() {
        jdbc.sql("update app_user set unit_id = null").update();
        jdbc.sql("""
                truncate project_revision, project, enterprise_alias, enterprise, industry_chain, signing_event, import_batch,
                         project_code_counter restart identity cascade""").update();
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        jdbc.sql("update login_policy set min_length = 12, min_classes = 3, lock_after = 5, lock_minutes = 15, idle_minutes = 30,"
                + " password_max_age_days = 90, inactive_disable_days = 90, audit_retention_days = 180,"
                + " totp_required_roles = array['SYSTEM_ADMIN','SECURITY_ADMIN','LEADER']").update();
        policies.reload();
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null").update();
        jdbc.sql("delete from unit").update();
    }

    /** Creates an account with a permanent password (a service account) and returns its password. */
    public String account(String username, String role, String region, String unit) {
        String password = "Pw-" + username + "-2017-Zhaoshang";
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"],"
                + (region == null ? "" : "\"region\":\"" + region + "\",") + (unit == null ? "" : "\"unit\":\"" + unit + "\",")
                + "\"temporary\":false}";
        var r = adminHttp.postJson("/api/v1/users", body);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + r.statusCode() + " " + r.body());
        }
        return password;
    }

    private Http adminHttp;

    void bind(Http admin) {
        this.adminHttp = admin;
    }

    /** An empty ledger with the Changle 2017 demonstration data. */
    public void changleDemo() {
        reset();
        List<Map<String, String>> projects = ChangleLedger.projects();
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            rows.add(new SheetRow(i + 2, projects.get(i)));
        }
        projectImport.importRows("demo", List.copyOf(projects.get(0).keySet()), rows, "demo", RowGuard.allowAll());
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
