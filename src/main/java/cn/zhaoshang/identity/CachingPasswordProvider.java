package cn.zhaoshang.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password login for the form and HTTP Basic. bcrypt is slow on purpose, and HTTP Basic presents the password on every
 * request: a verified password is remembered under a salted digest of the user, the password and the stored hash — so a
 * changed password, a lock or a disabled account take effect at once (the account is read every time).
 *
 * <p>It is remembered for a minute after its last use, so a client that keeps working never waits for bcrypt again; and
 * the requests that present a password not yet remembered all at once (a client's connections opening together, or a
 * minute's pause) wait for one check instead of each running its own: eight at once cost a busy 2-core server seconds.
 */
@Component
class CachingPasswordProvider implements AuthenticationProvider {

    private static final long REMEMBER_SECONDS = 60;

    private final AccountUserDetailsService users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private volatile String dummyHash; // made at the first unknown name: bcrypt costs a second of start-up on a busy machine

    CachingPasswordProvider(AccountUserDetailsService users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            encoder.matches(password, dummyHash()); // takes as long as a real check, so timing tells no names
            throw new BadCredentialsException("用户名或密码错误");
        }
        status.check(user);
        String key = digest(username, password, user.getPassword());
        if (!remembered(key)) {
            Object lock = checking.computeIfAbsent(key, k -> new Object());
            try {
                synchronized (lock) {
                    if (!remembered(key)) { // another request may have checked it while this one waited
                        if (!encoder.matches(password, user.getPassword())) {
                            throw new BadCredentialsException("用户名或密码错误");
                        }
                        Instant now = clock.instant();
                        if (verified.size() > 10_000) {
                            verified.entrySet().removeIf(e -> e.getValue().isBefore(now));
                        }
                        verified.put(key, now.plusSeconds(REMEMBER_SECONDS));
                    }
                }
            } finally {
                checking.remove(key, lock);
            }
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** Whether the digest was verified within the last minute; a use in the second half of that minute renews it. */
    private boolean remembered(String key) {
        Instant until = verified.get(key);
        Instant now = clock.instant();
        if (until == null || until.isBefore(now)) {
            return false;
        }
        if (until.isBefore(now.plusSeconds(REMEMBER_SECONDS / 2))) {
            verified.replace(key, until, now.plusSeconds(REMEMBER_SECONDS));
        }
        return true;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode(HexFormat.of().formatHex(salt));
            dummyHash = hash;
        }
        return hash;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String username, String password, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            for (String part : new String[]{username, password, storedHash}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
