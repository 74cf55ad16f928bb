package cn.zhaoshang.platform;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application starts with lazy beans ({@code spring.main.lazy-initialization}, application.properties): a bean is
 * made when first used, so the server is ready in less than half the time (docs/benchmarks-list.md). What must happen
 * at start still does: the schema's migration, the security filters, the start-up runners, the scheduled tasks.
 */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    @Bean
    static LazyInitializationExcludeFilter migrateAtStart() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
    }
}
