package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.portable.proto.Components;
import io.runnel.windowing.WindowingStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads coders and windowing strategies out of {@code runnel.v1.Components} by id, building each
 * once. Every error names the id that could not be read. Not thread-safe.
 */
public final class RehydratedComponents {
  private final Components components;
  private final Map<String, Coder<?>> coders = new HashMap<>();
  private final Map<String, WindowingStrategy<?, ?>> strategies = new HashMap<>();
  private final Set<String> coderIdsInProgress = new HashSet<>();

  private RehydratedComponents(Components components) {
    this.components = components;
  }

  /** A reader of {@code components}. */
  public static RehydratedComponents of(Components components) {
    return new RehydratedComponents(components);
  }

  /** The proto being read. */
  public Components getComponents() {
    return components;
  }

  /**
   * The coder with id {@code id}.
   *
   * @throws IllegalArgumentException naming the id when it is missing, cyclic or unreadable
   */
  public Coder<?> getCoder(String id) {
    Coder<?> known = coders.get(id);
    if (known != null) {
      return known;
    }
    io.runnel.sdk.portable.proto.Coder proto = components.getCodersMap().get(id);
    if (proto == null) {
      throw new IllegalArgumentException("Coder id '" + id + "' is not in the pipeline's"
          + " components; known coder ids: " + components.getCodersMap().keySet());
    }
    if (!coderIdsInProgress.add(id)) {
      throw new IllegalArgumentException("Coder '" + id + "' is its own component");
    }
    Coder<?> coder;
    try {
      coder = CoderTranslation.fromProto(proto, this);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read coder '" + id + "': " + e.getMessage(), e);
    } finally {
      coderIdsInProgress.remove(id);
    }
    coders.put(id, coder);
    return coder;
  }

  /**
   * The windowing strategy with id {@code id}.
   *
   * @throws IllegalArgumentException naming the id when it is missing or unreadable
   */
  public WindowingStrategy<?, ?> getWindowingStrategy(String id) {
    WindowingStrategy<?, ?> known = strategies.get(id);
    if (known != null) {
      return known;
    }
    io.runnel.sdk.portable.proto.WindowingStrategy proto =
        components.getWindowingStrategiesMap().get(id);
    if (proto == null) {
      throw new IllegalArgumentException("Windowing strategy id '" + id + "' is not in the"
          + " pipeline's components; known ids: " + components.getWindowingStrategiesMap().keySet());
    }
    WindowingStrategy<?, ?> strategy;
    try {
      strategy = WindowingStrategyTranslation.fromProto(proto, this);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read windowing strategy '" + id + "': "
          + e.getMessage(), e);
    }
    strategies.put(id, strategy);
    return strategy;
  }
}
