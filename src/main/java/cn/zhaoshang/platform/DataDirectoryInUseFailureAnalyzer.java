package cn.zhaoshang.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start on a data directory that another running Zhaoshang holds ends with what to do, not a page of stack trace
 * (Spring Boot prints this under "APPLICATION FAILED TO START"; registered in META-INF/spring.factories).
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage() + "。",
                "停止正在使用该数据目录的招商进程后再启动；要同时运行第二个，请用 --zhaoshang.data-dir 指定另一个数据目录，"
                        + "并用 --server.port 指定另一个端口。", cause);
    }
}
