package cn.zhaoshang.identity;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a start with no accounts, creates {@code admin} (SYSTEM_ADMIN) with the password from ZHAOSHANG_ADMIN_PASSWORD, or a
 * random one printed once. No other account with a known password is ever created.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final Environment environment;
    private final java.time.Clock clock;

    AdminBootstrap(UserAccounts accounts, PasswordEncoder encoder, Environment environment, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.encoder = encoder;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = environment.getProperty("ZHAOSHANG_ADMIN_PASSWORD");
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = random(20);
        }
        accounts.create("admin", encoder.encode(password), "系统管理员", List.of(Role.SYSTEM_ADMIN), null, null, false, clock.instant());
        if (generated) {
            // printed once, on purpose: the only way a newcomer learns it; it is never stored in clear
            log.warn("\n\n  已创建管理员账号 admin，初始密码：{}\n  （仅显示这一次，请登录后立即修改；也可用环境变量 ZHAOSHANG_ADMIN_PASSWORD 指定）\n", password);
        } else {
            log.info("已创建管理员账号 admin，密码取自环境变量 ZHAOSHANG_ADMIN_PASSWORD");
        }
    }

    static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
