package cn.zhaoshang;

import cn.zhaoshang.audit.AuditVerifyCommand;
import cn.zhaoshang.generate.GenerateCommand;
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
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(ZhaoshangApplication.class, args));
        }
        SpringApplication.run(ZhaoshangApplication.class, args);
    }
}
