package cn.zhaoshang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

/**
 * The report database: the primary, or a replica when {@code zhaoshang.replica.url} is set. The replica's pool is
 * deliberately not a {@code DataSource} bean, so Flyway, the transaction manager and every writer see the primary only.
 */
@Configuration(proxyBeanMethods = false)
class ReportDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    ReportDatabase reportDatabase(JdbcClient primary, PlatformTransactionManager transactions, ReplicaProperties replica,
                                  @Value("${spring.datasource.url:}") String primaryUrl,
                                  @Value("${spring.datasource.username:}") String username,
                                  @Value("${spring.datasource.password:}") String password) {
        if (!replica.configured()) {
            return ReportDatabase.primaryOnly(primary);
        }
        if (!StringUtils.hasText(primaryUrl)) {
            log.warn("已设置 zhaoshang.replica.url，但主库是内置数据库：只读副本须是 spring.datasource.url 所指主库的流复制备库，"
                    + "否则不会被使用");
        }
        // the URL may carry a password in its parameters
        log.info("报表只读副本：{}（最大延迟 {}）", replica.url().replaceFirst("\\?.*", ""), replica.maxLag());
        return ReportDatabase.withReplica(primary, transactions,
                new ReadReplica(replica, primary, username, password));
    }
}
