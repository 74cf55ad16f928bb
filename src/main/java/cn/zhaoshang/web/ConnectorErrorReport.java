package cn.zhaoshang.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answer to a request Tomcat refuses before the application sees it: a path with {@code %00}, a broken
 * {@code %} escape or an encoded slash gets a 400 from the connector itself, which Tomcat's own error report answered
 * in English ("HTTP Status 400 – Bad Request", {@code Content-Language: en}). This report answers as the application's
 * {@link ErrorHandling} does: problem+json with a Chinese detail under {@code /api} or for a client that does not ask for
 * HTML, a Chinese page otherwise; never the server's name or a stack trace. Errors inside the application still go to
 * Spring's {@code /error}, which renders {@code error.html}.
 */
public class ConnectorErrorReport extends ErrorReportValve {

    static final String BAD_REQUEST = "请求地址或请求头含有无法识别的内容（例如 %00、不完整的 % 编码或经过编码的斜杠），请检查链接后重试。";
    static final String OTHER = "系统暂时无法处理您的请求，请稍后重试或联系管理员。";

    public ConnectorErrorReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = ErrorHandling.title(status);
        String detail = status == 400 ? BAD_REQUEST : status == 404 ? "页面或资源不存在" : OTHER;
        String uri = request.getRequestURI();
        String accept = request.getHeader("Accept");
        boolean api = uri != null && uri.startsWith("/api/");
        boolean html = !api && accept != null && accept.contains("text/html");
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(html ? "text/html" : "application/problem+json");
            response.setHeader("Content-Language", "zh-CN");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(html ? page(status, title, detail) : problem(status, title, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response was taken over meanwhile: nothing left to tell it
        }
    }

    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    static String page(int status, String title, String detail) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s · 招商项目管理系统</title>
                <link rel="stylesheet" href="/webjars/bootstrap/dist/css/bootstrap.min.css"><link rel="stylesheet" href="/css/app.css">
                </head><body><main class="container-xxl"><div class="row justify-content-center"><div class="col-lg-7">
                <div class="card mt-5"><div class="card-body p-4 p-md-5"><div class="d-flex align-items-start gap-4">
                <div class="error-code">%1$d</div><div><h1 class="h4 mb-2">%2$s</h1><p class="mb-3">%3$s</p>
                <a class="btn btn-primary btn-sm" href="/">返回首页</a>
                <a class="btn btn-outline-secondary btn-sm ms-2" href="/projects">项目库</a>
                </div></div></div></div></div></div></main></body></html>
                """.formatted(status, title, detail);
    }

    /** Puts this report in place of Tomcat's on the host, before the host starts (it adds its report valve then). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorErrorReport() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ConnectorErrorReport.class.getName());
                }
            });
        }
    }
}
