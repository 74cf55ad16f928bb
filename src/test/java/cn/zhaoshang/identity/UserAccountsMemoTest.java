package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Within one web request an account is read once; any write through {@link UserAccounts} makes the next read fresh. */
class UserAccountsMemoTest extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void empty() {
        fixtures.reset();
        fixtures.account("memo", "OFFICE", "350112", null);
    }

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAccountIsReadOncePerRequestAndAgainAfterAWrite() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        UserAccount first = accounts.find("memo").orElseThrow();
        rename("改过的名字");
        // the same request: the account as first read
        assertThat(accounts.find("memo").orElseThrow().displayName()).isEqualTo(first.displayName());
        accounts.unlock(first.id());
        // a write of this class forgets what the request read
        assertThat(accounts.find("memo").orElseThrow().displayName()).isEqualTo("改过的名字");

        // a new request reads again
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        rename("又改过的名字");
        assertThat(accounts.find("memo").orElseThrow().displayName()).isEqualTo("又改过的名字");
    }

    @Test
    void outsideARequestEveryCallReads() {
        accounts.find("memo").orElseThrow();
        rename("后台改名");
        assertThat(accounts.find("memo").orElseThrow().displayName()).isEqualTo("后台改名");
    }

    private void rename(String name) {
        fixtures.jdbc().sql("update app_user set display_name = ? where username = 'memo'").param(name).update();
    }
}
