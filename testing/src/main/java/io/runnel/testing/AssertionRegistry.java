package io.runnel.testing;

import io.runnel.sdk.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which assertions each pipeline declared and which of them passed, so {@link TestPipeline} can
 * fail a test whose assertions never ran. In-process runners report successes directly.
 */
final class AssertionRegistry {
  private static final Map<Pipeline, Map<String, String>> EXPECTED = new WeakHashMap<>();
  private static final Map<String, Boolean> SUCCEEDED = new ConcurrentHashMap<>();

  private AssertionRegistry() {}

  static synchronized void expect(Pipeline pipeline, String id, String reason) {
    EXPECTED.computeIfAbsent(pipeline, p -> new LinkedHashMap<>()).put(id, reason);
  }

  static void succeeded(String id) {
    SUCCEEDED.put(id, Boolean.TRUE);
  }

  /** The descriptions of {@code pipeline}'s assertions that have not passed. */
  static synchronized List<String> notSucceeded(Pipeline pipeline) {
    List<String> missing = new ArrayList<>();
    EXPECTED.getOrDefault(pipeline, Map.of()).forEach((id, reason) -> {
      if (!SUCCEEDED.containsKey(id)) {
        missing.add(reason);
      }
    });
    return missing;
  }

  static synchronized int count(Pipeline pipeline) {
    return EXPECTED.getOrDefault(pipeline, Map.of()).size();
  }
}
