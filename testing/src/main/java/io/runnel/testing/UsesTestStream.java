package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * runs a {@link TestStream}: the runner replays its script event by event, each after
 * everything the previous one caused has been processed, with the watermark it sets.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesTestStream</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesTestStream")
public @interface UsesTestStream {}
