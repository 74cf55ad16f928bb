package cn.zhaoshang.generate;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The application context of the generate command: the database (embedded or configured), Flyway, the region
 * directory and the generator, nothing of the web application. Deliberately not a {@code @Configuration}, so the web
 * application's component scan does not pick it up.
 */
@EnableAutoConfiguration
@ConfigurationPropertiesScan("cn.zhaoshang.platform")
@ComponentScan(basePackages = {"cn.zhaoshang.platform", "cn.zhaoshang.region", "cn.zhaoshang.generate"})
class GenerateContext {
}
