package cn.zhaoshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** Two writes that meet in the database (a deadlock, a lock wait ended, a key taken meanwhile): 409, never a 500. */
class ConcurrentWriteAnswerTest {

    private final ErrorHandling handling = new ErrorHandling();

    @Test
    void theApiAnswers409WithAChineseDetailAndAnIncident() {
        for (RuntimeException e : List.of(new PessimisticLockingFailureException("deadlock detected"),
                new CannotAcquireLockException("lock timeout"), new DuplicateKeyException("project_code_key"))) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/projects/import");
            ResponseEntity<?> r = (ResponseEntity<?>) handling.concurrentWrite(e, request);
            assertThat(r.getStatusCode().value()).isEqualTo(409);
            ProblemDetail p = (ProblemDetail) r.getBody();
            assertThat(p.getTitle()).isEqualTo("数据冲突");
            assertThat(p.getDetail()).contains("未保存任何内容").contains("重试").doesNotContain(e.getMessage());
            assertThat((String) p.getProperties().get("incident")).hasSize(8);
        }
    }

    @Test
    void aPageAnswers409WithTheErrorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects/P1/edit");
        request.addHeader("Accept", "text/html");
        ModelAndView mav = (ModelAndView) handling.concurrentWrite(new PessimisticLockingFailureException("x"), request);
        assertThat(mav.getStatus().value()).isEqualTo(409);
        assertThat((String) mav.getModel().get("detail")).contains("冲突");
    }
}
