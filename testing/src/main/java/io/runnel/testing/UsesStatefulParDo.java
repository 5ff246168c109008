package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * runs a {@code DoFn} with {@code @StateId} state ({@code ValueState}, {@code
 * BagState}, {@code CombiningState}), scoped per key and window.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesStatefulParDo</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesStatefulParDo")
public @interface UsesStatefulParDo {}
