package cn.zhaoshang.web;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.sheet.SheetFormatException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every failure mapped once: problem+json with a Chinese detail under /api, an error page elsewhere. An unexpected
 * failure shows an incident id that points to the log line, never a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(ImportRejectedException.class)
    Object importRejected(ImportRejectedException e, HttpServletRequest request) {
        ProblemDetail p = problem(e.status(), e.getMessage());
        p.setProperty("errors", e.errors());
        return respond(request, e.status(), p);
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request) {
        return respond(request, e.status(), problem(e.status(), e.getMessage()));
    }

    @ExceptionHandler(SheetFormatException.class)
    Object sheet(SheetFormatException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object conflict(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试"));
    }

    /**
     * Two writes that met in the database: a deadlock or lock wait PostgreSQL ended, or a key another write took between
     * this one's check and its insert (a form saved while an import writes the same project). Nothing was written; the
     * user can try again. Logged with an incident id, as such a meeting should stay rare.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, DuplicateKeyException.class})
    Object concurrentWrite(Exception e, HttpServletRequest request) {
        String incident = incident();
        log.warn("Incident {} on {} {}: concurrent write: {}", incident, request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return respond(request, HttpStatus.CONFLICT, withIncident(problem(HttpStatus.CONFLICT,
                "与同时提交的修改或现有数据冲突，本次提交未保存任何内容，请刷新后重试（事件编号 " + incident + "）"), incident));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值无效：" + e.getValue()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "请求内容无法解析，请检查 JSON 格式"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, problem(HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大（上限 100MB）"));
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "上传请求格式不正确，请以 multipart/form-data 提交 file 字段"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求内容类型"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持 " + e.getMethod() + " 请求"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "页面或资源不存在"));
    }

    /**
     * A value PostgreSQL refused as text (SQLSTATE 22021: U+0000, which no text column may hold) that no check before it
     * caught: the request is wrong, not the system. Anything else of the kind is unexpected.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
            return respond(request, HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST,
                    "提交的内容含有不可见的控制字符（如 U+0000），请删除后重试"));
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(Exception e) throws Exception {
        throw e; // the security filter chain answers these with 401/403
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        String incident = incident();
        log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, withIncident(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "系统内部错误，请联系管理员并提供事件编号 " + incident), incident));
    }

    /** A short id that the answer shows and the log line carries, to find one in the other. */
    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static ProblemDetail withIncident(ProblemDetail p, String incident) {
        p.setProperty("incident", incident);
        return p;
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title(status.value()));
        return p;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "没有权限";
            case 404 -> "不存在";
            case 405 -> "不支持的请求方式";
            case 409 -> "数据冲突";
            case 413 -> "文件过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "数据校验未通过";
            default -> "系统错误";
        };
    }

    private static Object respond(HttpServletRequest request, HttpStatusCode status, ProblemDetail p) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !acceptsHtml(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(HttpStatus.valueOf(status.value()));
        mav.addObject("status", status.value());
        mav.addObject("title", p.getTitle());
        mav.addObject("detail", p.getDetail());
        mav.addObject("incident", p.getProperties() == null ? null : p.getProperties().get("incident"));
        return mav;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") || "true".equals(request.getHeader("HX-Request"));
    }
}
