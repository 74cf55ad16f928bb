package cn.zhaoshang.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a request handler requires. Every handler (or its class) declares it; a handler without one is refused (fail
 * closed). {@code value} empty means any logged-in user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Permit {

    Permission[] value() default {};

    /** Open to anyone, logged in or not (the login page). */
    boolean anonymous() default false;
}
