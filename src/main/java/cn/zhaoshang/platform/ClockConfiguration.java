package cn.zhaoshang.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business time is China Standard Time; tests replace the clock to move it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
