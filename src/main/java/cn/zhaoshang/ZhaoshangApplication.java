package cn.zhaoshang;

import cn.zhaoshang.audit.AuditVerifyCommand;
import cn.zhaoshang.generate.GenerateCommand;
import cn.zhaoshang.report.TotalsVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
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
        SpringApplication.run(ZhaoshangApplication.class, args);
    }
}
