package cn.zhaoshang.support;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application on the shared test database. Tests that need an empty ledger call {@code fixtures.reset()};
 * all test classes share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"zhaoshang.demo=false",
        // the inboxes of the running totals and of the name search are merged after each import's commit; their sweeps,
        // a backstop, stay out of the tests' way
        "zhaoshang.totals-inbox-ms=3600000", "zhaoshang.search-inbox-ms=3600000"})
@Tag("db")
@Import({Fixtures.class, TestClockConfiguration.class})
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "Test-Admin-Pass-2017";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected TestClock clock;

    @org.junit.jupiter.api.BeforeEach
    void bindFixtures() {
        fixtures.bind(admin());
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection c = TestDatabase.get();
        registry.add("spring.datasource.url", c::url);
        registry.add("spring.datasource.username", c::username);
        registry.add("spring.datasource.password", c::password);
        registry.add("ZHAOSHANG_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    }

    protected Http admin() {
        return new Http(port, "admin", ADMIN_PASSWORD);
    }

    protected Http as(String username, String password) {
        return new Http(port, username, password);
    }
}
