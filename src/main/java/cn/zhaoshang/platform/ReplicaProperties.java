package cn.zhaoshang.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Settings under {@code zhaoshang.replica.*} (or {@code ZHAOSHANG_REPLICA_URL}, …): a PostgreSQL streaming replica of
 * the primary for the reports. Unset {@code url}: no replica, everything on the primary.
 *
 * @param url            JDBC URL of the replica, e.g. {@code jdbc:postgresql://replica:5432/zhaoshang}
 * @param username       defaults to {@code spring.datasource.username}
 * @param password       defaults to {@code spring.datasource.password}
 * @param maxLag         the oldest a report may be: beyond it (or unmeasurable) reports read the primary
 * @param checkInterval  how often the replica's replay position is compared with the primary's
 * @param connectTimeout how long a report waits for a replica connection before it reads the primary
 * @param poolSize       connections to the replica
 */
@ConfigurationProperties("zhaoshang.replica")
public record ReplicaProperties(String url, String username, String password, Duration maxLag, Duration checkInterval,
                                Duration connectTimeout, Integer poolSize) {

    public ReplicaProperties {
        maxLag = maxLag == null ? Duration.ofSeconds(10) : maxLag;
        checkInterval = checkInterval == null ? Duration.ofSeconds(1) : checkInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        poolSize = poolSize == null ? 10 : poolSize;
        if (maxLag.isNegative() || checkInterval.toMillis() < 1 || connectTimeout.toMillis() < 250 || poolSize < 1) {
            throw new IllegalArgumentException("zhaoshang.replica.*：max-lag 不能为负，check-interval 须大于0，"
                    + "connect-timeout 至少250毫秒，pool-size 至少为1");
        }
    }

    boolean configured() {
        return StringUtils.hasText(url);
    }
}
