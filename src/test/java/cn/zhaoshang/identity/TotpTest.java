package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B, the SHA-1 test vectors (8 digits, 30-second steps, key "12345678901234567890"). */
class TotpTest {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238Sha1Vectors(long time, String expected) {
        assertThat(Totp.code(KEY, time / Totp.STEP_SECONDS, 8, "HmacSHA1")).isEqualTo(expected);
    }

    @Test
    void aCodeMatchesItsStepAndOneStepOfDriftButNoMore() {
        String secret = Totp.base32(KEY);
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = now.getEpochSecond() / 30;
        String code = Totp.code(KEY, step, 6, "HmacSHA1");
        assertThat(Totp.matchingStep(secret, code, now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(30))).hasValue(step);
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(90))).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        assertThat(Totp.base32Decode(Totp.base32(KEY))).isEqualTo(KEY);
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.otpauthUri("招商", "zhang", "MZXW6YTBOI")).startsWith("otpauth://totp/").contains("secret=MZXW6YTBOI");
    }
}
