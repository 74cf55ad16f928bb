package cn.zhaoshang;

import cn.zhaoshang.audit.AuditVerifyCommand;
import cn.zhaoshang.generate.GenerateCommand;
import cn.zhaoshang.platform.EarlyEmbeddedPostgres;
import cn.zhaoshang.report.TotalsVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZhaoshangApplication {

    public static void main(String[] args) {
        if (GenerateCommand.requested(args)) {
            System.exit(GenerateCommand.run(args));
        }
        if (TotalsVerifyCommand.requested(args)) {
            System.exit(TotalsVerifyCommand.run(ZhaoshangApplication.class, args));
        }
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(ZhaoshangApplication.class, args));
        }
        SpringApplication app = new SpringApplication(ZhaoshangApplication.class);
        app.addListeners(new EarlyEmbeddedPostgres());
        app.run(args);
    }
}
