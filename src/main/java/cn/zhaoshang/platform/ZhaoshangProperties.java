package cn.zhaoshang.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code zhaoshang.*}.
 *
 * @param dataDir where the embedded database keeps its files (also {@code ZHAOSHANG_DATA_DIR})
 * @param demo    load the Changle 2017 demonstration data into an empty database
 */
@ConfigurationProperties("zhaoshang")
public record ZhaoshangProperties(Path dataDir, boolean demo) {

    public ZhaoshangProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }
}
