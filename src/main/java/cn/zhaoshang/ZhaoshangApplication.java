package cn.zhaoshang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhaoshangApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhaoshangApplication.class, args);
    }
}
