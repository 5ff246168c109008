package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * runs a {@link TestStream} that advances processing time ({@code
 * advanceProcessingTime}): the runner's processing-time clock is virtual and follows the script.
 *
 * <p>Implies {@link UsesTestStream}: it carries that tag too, so a
 * runner that excludes UsesTestStream excludes this as well.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesTestStreamWithProcessingTime</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesTestStreamWithProcessingTime")
@Tag("UsesTestStream")
public @interface UsesTestStreamWithProcessingTime {}
