package cn.zhaoshang.demo;

import cn.zhaoshang.project.ImportResult;
import cn.zhaoshang.project.ProjectImport;
import cn.zhaoshang.project.RowGuard;
import cn.zhaoshang.sheet.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code --zhaoshang.demo=true}: the Changle 2017 ledger, loaded through the ordinary import into an empty database. */
@Component
@Order(10)
@ConditionalOnProperty(name = "zhaoshang.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final ProjectImport projectImport;
    private final JdbcClient jdbc;
    private final ChangleVisits visits;

    DemoLoader(ProjectImport projectImport, JdbcClient jdbc, ChangleVisits visits) {
        this.projectImport = projectImport;
        this.jdbc = jdbc;
        this.visits = visits;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from project)").query(Boolean.class).single()) {
            log.info("数据库中已有项目，跳过演示数据");
            return;
        }
        List<Map<String, String>> projects = ChangleLedger.projects();
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            rows.add(new SheetRow(i + 2, projects.get(i)));
        }
        ImportResult r = projectImport.importRows("长乐2017演示数据", List.copyOf(projects.get(0).keySet()), rows, "demo",
                RowGuard.allowAll());
        log.info("已载入长乐2017演示数据：{} 个项目", r.created());
        log.info("已载入长乐2017走访演示数据：{} 条走访记录", visits.load(projects).created());
    }
}
