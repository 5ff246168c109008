package io.runnel.testing;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A minimal {@link ExtensionContext} for calling {@link TestPipeline}'s callbacks directly: it
 * reports the given execution exception and nothing else.
 */
final class FakeExtensionContext {
  private FakeExtensionContext() {}

  /** A context of a test that passed. */
  static ExtensionContext passed() {
    return withException(null);
  }

  /** A context of a test that threw {@code failure} (none if null). */
  static ExtensionContext withException(Throwable failure) {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("getExecutionException")) {
            return Optional.ofNullable(failure);
          }
          if (method.getName().equals("toString")) {
            return "FakeExtensionContext";
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
