package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.zhaoshang.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How often HTTP Basic's password is checked with bcrypt: once for many requests, never by several at once. */
class CachingPasswordProviderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            sleep(50); // as slow as a real bcrypt on a busy machine, so that concurrent requests overlap
            return bcrypt.matches(raw, encoded);
        }
    };
    private final TestClock clock = new TestClock();
    private final AccountUserDetailsService users = mock(AccountUserDetailsService.class);
    private CachingPasswordProvider provider;
    private String hash;

    @BeforeEach
    void anAccount() {
        hash = bcrypt.encode("Correct-Horse-1");
        when(users.loadUserByUsername("zhang")).thenAnswer(i -> User.withUsername("zhang").password(hash).authorities("VISIT_READ").build());
        provider = new CachingPasswordProvider(users, counting, clock);
    }

    @Test
    void eightRequestsPresentingANewPasswordAtOnceWaitForOneCheck() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return provider.authenticate(basic("Correct-Horse-1"));
                }));
            }
            go.countDown();
            for (Future<Authentication> a : answers) {
                assertThat(a.get().isAuthenticated()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(checks.get()).isEqualTo(1);
    }

    @Test
    void aClientThatKeepsWorkingIsCheckedOnceAndOneThatPausesForAMinuteAgain() {
        for (int i = 0; i < 10; i++) { // a request every 20 s for over three minutes
            assertThat(provider.authenticate(basic("Correct-Horse-1")).getName()).isEqualTo("zhang");
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(checks.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        provider.authenticate(basic("Correct-Horse-1"));
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndAChangedPasswordAtOnce() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(basic("guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks.get()).isEqualTo(3);
        provider.authenticate(basic("Correct-Horse-1"));
        hash = bcrypt.encode("Battery-Staple-2"); // the password is changed
        assertThatThrownBy(() -> provider.authenticate(basic("Correct-Horse-1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(basic("Battery-Staple-2")).isAuthenticated()).isTrue();
        assertThat(checks.get()).isEqualTo(6);
    }

    private static Authentication basic(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("zhang", password);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
