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

    Fixtures(JdbcClient jdbc, ProjectImport projectImport) {
        this.jdbc = jdbc;
        this.projectImport = projectImport;
    }

    /** An empty ledger (regions and accounts stay). */
    public void reset() {
        jdbc.sql("update app_user set unit_id = null").update();
        jdbc.sql("""
                truncate project_revision, project, enterprise_alias, enterprise, industry_chain, signing_event, import_batch,
                         project_code_counter restart identity cascade""").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null").update();
        jdbc.sql("delete from unit").update();
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
