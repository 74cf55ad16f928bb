package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A second start on a data directory in use says what happened and what to do, whatever wrapped the cause. */
class DataDirectoryInUseFailureAnalyzerTest {

    @Test
    void theCauseFoundUnderTheBeanFailuresIsToldInChinese() {
        Path dir = Path.of("/srv/zhaoshang/data/pg");
        Throwable startup = new IllegalStateException("Unable to start web server",
                new RuntimeException("Error creating bean with name 'dataSource'", new DataDirectoryInUseException(dir)));
        FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer().analyze(startup);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(dir.toString()).contains("正被另一个招商进程使用");
        assertThat(analysis.getAction()).contains("--zhaoshang.data-dir").contains("--server.port");
        assertThat(new DataDirectoryInUseFailureAnalyzer().analyze(new IllegalStateException("端口被占用"))).isNull();
    }

    @Test
    void springBootFindsIt() {
        // the other analyzers need what only a failing application gives them: load ours alone, skipping theirs
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .anyMatch(a -> a instanceof DataDirectoryInUseFailureAnalyzer);
    }
}
