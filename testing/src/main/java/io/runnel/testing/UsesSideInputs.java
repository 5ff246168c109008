package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * reads side inputs in its own {@code DoFn}s ({@code ParDo.withSideInputs}). Every
 * {@link PAssert} reads one too, so a runner without side inputs cannot run the suite at all;
 * this tag marks the tests about side inputs themselves.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesSideInputs</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesSideInputs")
public @interface UsesSideInputs {}
