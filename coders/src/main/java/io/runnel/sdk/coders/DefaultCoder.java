package io.runnel.sdk.coders;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the coder {@link CoderRegistry} infers for the annotated class, unless a coder was
 * registered for it. The coder class needs a public static {@code of(Class)} (given the annotated
 * class, as {@code SerializableCoder.of} and {@code JsonCoder.of}) or {@code of()} method:
 *
 * <pre>{@code
 * @DefaultCoder(JsonCoder.class)
 * public class Event { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DefaultCoder {
  /** The coder class. */
  @SuppressWarnings("rawtypes")
  Class<? extends Coder> value();
}
