package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.portable.proto.Components;
import io.runnel.sdk.portable.proto.Environment;
import io.runnel.sdk.portable.proto.JavaEnvironmentPayload;
import io.runnel.windowing.WindowingStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Collects the components of a {@code runnel.v1.Pipeline} while it is translated, giving each
 * one a deterministic id: the same pipeline, built the same way, always gets the same ids. Coders
 * and windowing strategies are deduplicated by their translated form and named after their kind
 * ({@code "kv"}, {@code "kv_2"}, ...); collections, views and transforms are named after their
 * unique names. Not thread-safe: one translation uses one instance.
 */
public final class SdkComponents {
  /** The id of the environment of Java user code. */
  public static final String JAVA_ENVIRONMENT_ID = "java";

  private final Components.Builder components = Components.newBuilder();
  private final Map<Coder<?>, String> coderIds = new HashMap<>();
  private final Map<io.runnel.sdk.portable.proto.Coder, String> coderIdsByProto = new HashMap<>();
  private final Map<WindowingStrategy<?, ?>, String> strategyIds = new HashMap<>();
  private final Map<io.runnel.sdk.portable.proto.WindowingStrategy, String> strategyIdsByProto =
      new HashMap<>();
  private final Map<Object, String> valueIds = new IdentityHashMap<>();
  private final Set<String> usedValueIds = new HashSet<>();

  /** An empty set of components. */
  public static SdkComponents create() {
    return new SdkComponents();
  }

  private SdkComponents() {}

  /** Adds {@code coder} and its components if absent; returns its id. */
  public String registerCoder(Coder<?> coder) {
    String known = coderIds.get(coder);
    if (known != null) {
      return known;
    }
    io.runnel.sdk.portable.proto.Coder proto = CoderTranslation.toProto(coder, this);
    String id = coderIdsByProto.get(proto);
    if (id == null) {
      id = uniqueId(CoderTranslation.idBase(coder, proto), components.getCodersMap().keySet());
      coderIdsByProto.put(proto, id);
      components.putCoders(id, proto);
    }
    coderIds.put(coder, id);
    return id;
  }

  /** Adds {@code strategy} (and its window coder) if absent; returns its id. */
  public String registerWindowingStrategy(WindowingStrategy<?, ?> strategy) {
    String known = strategyIds.get(strategy);
    if (known != null) {
      return known;
    }
    io.runnel.sdk.portable.proto.WindowingStrategy proto =
        WindowingStrategyTranslation.toProto(strategy, this);
    String id = strategyIdsByProto.get(proto);
    if (id == null) {
      String base = "windowing_" + lastUrnSegment(proto.getWindowFn().getUrn());
      id = uniqueId(base, components.getWindowingStrategiesMap().keySet());
      strategyIdsByProto.put(proto, id);
      components.putWindowingStrategies(id, proto);
    }
    strategyIds.put(strategy, id);
    return id;
  }

  /** Adds the Java environment if absent; returns its id. */
  public String registerJavaEnvironment() {
    if (!components.containsEnvironments(JAVA_ENVIRONMENT_ID)) {
      components.putEnvironments(JAVA_ENVIRONMENT_ID, Environment.newBuilder()
          .setUrn(StandardUrns.Environments.JAVA)
          .setPayload(JavaEnvironmentPayload.newBuilder()
              .setJavaSpecificationVersion(System.getProperty("java.specification.version"))
              .build().toByteString())
          .build());
    }
    return JAVA_ENVIRONMENT_ID;
  }

  /** The components collected so far. */
  public Components toComponents() {
    return components.build();
  }

  /** The builder, for the pipeline translation to add collections, views and transforms. */
  Components.Builder builder() {
    return components;
  }

  /** The id already given to {@code value} (a collection or view), or null. */
  String valueId(Object value) {
    return valueIds.get(value);
  }

  /** Gives {@code value} an id derived from {@code name}, unique among collections and views. */
  String assignValueId(Object value, String name) {
    String id = uniqueId(name, usedValueIds);
    usedValueIds.add(id);
    valueIds.put(value, id);
    return id;
  }

  private static String uniqueId(String base, Set<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + "_" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** "kv" for "runnel:coder:kv:v1". */
  static String lastUrnSegment(String urn) {
    String[] parts = urn.split(":");
    return parts.length >= 2 ? parts[parts.length - 2] : urn;
  }
}
