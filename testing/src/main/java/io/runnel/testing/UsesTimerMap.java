package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * sets timers of a {@code @TimerFamily} ({@code TimerMap}), named at run time.
 *
 * <p>Implies {@link UsesTimersInParDo}: it carries that tag too, so a
 * runner that excludes UsesTimersInParDo excludes this as well.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesTimerMap</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesTimerMap")
@Tag("UsesTimersInParDo")
public @interface UsesTimerMap {}
