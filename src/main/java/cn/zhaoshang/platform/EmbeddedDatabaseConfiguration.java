package cn.zhaoshang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The zero-setup default: an embedded PostgreSQL in the data directory, used when no datasource URL is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(ZhaoshangProperties properties) throws IOException {
        EmbeddedPostgresServer server = EarlyEmbeddedPostgres.take(EarlyEmbeddedPostgres.pgDirectory(properties));
        // closed with the context, after the requests graceful shutdown waits for and the pool
        server.ownedByContext();
        return server;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPoolName("zhaoshang");
        config.setMaximumPoolSize(12);
        return new HikariDataSource(config);
    }
}
