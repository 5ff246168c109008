package io.runnel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Capability tag (Beam's category of the same name) of a conformance test class or method that
 * checks how a failed run reports user code failing: {@code run()} throws {@code
 * Pipeline.PipelineExecutionException} whose message names the transform and carries the user's
 * message.
 *
 * <p>A runner without the capability skips these tests, visibly, with Surefire's {@code
 * <excludedGroups>UsesFailureMessage</excludedGroups>} (see the README of {@code runnel-testing}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("UsesFailureMessage")
public @interface UsesFailureMessage {}
