package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PCollectionViews;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a collection into a {@link PCollectionView} for use as a side input: {@code
 * View.asSingleton()}, {@code asList()}, {@code asIterable()}, {@code asMap()}, {@code
 * asMultimap()}. A view is read per window of the main input.
 */
public final class View {
  private View() {}

  /** The one element of the collection; an error if there are none or several. */
  public static <T> AsSingleton<T> asSingleton() {
    return new AsSingleton<>(false, null);
  }

  /** All elements, as a list, in no particular order. */
  public static <T> PTransform<PCollection<T>, PCollectionView<List<T>>> asList() {
    return new Materialize<>("View.AsList", new ListViewFn<>());
  }

  /** All elements, as an iterable, in no particular order. */
  public static <T> PTransform<PCollection<T>, PCollectionView<Iterable<T>>> asIterable() {
    return new Materialize<>("View.AsIterable", new IterableViewFn<>());
  }

  /** A map from key to value; an error if a key appears twice. */
  public static <K, V> PTransform<PCollection<KV<K, V>>, PCollectionView<Map<K, V>>> asMap() {
    return new Materialize<>("View.AsMap", new MapViewFn<>());
  }

  /** A map from key to all of its values. */
  public static <K, V> PTransform<PCollection<KV<K, V>>, PCollectionView<Map<K, Iterable<V>>>>
      asMultimap() {
    return new Materialize<>("View.AsMultimap", new MultimapViewFn<>());
  }

  /** See {@link View#asSingleton()}. */
  public static final class AsSingleton<T> extends PTransform<PCollection<T>, PCollectionView<T>> {
    private static final long serialVersionUID = 1L;
    private final boolean hasDefault;
    private final T defaultValue;

    private AsSingleton(boolean hasDefault, T defaultValue) {
      this.hasDefault = hasDefault;
      this.defaultValue = defaultValue;
    }

    /** This view giving {@code value} when the collection (in a window) is empty. */
    public AsSingleton<T> withDefaultValue(T value) {
      return new AsSingleton<>(true, value);
    }

    @Override
    public PCollectionView<T> expand(PCollection<T> input) {
      return input.apply(new Materialize<>("View.AsSingleton",
          new SingletonViewFn<>(hasDefault, defaultValue)));
    }

    @Override
    protected String getKindString() {
      return "View.AsSingleton";
    }
  }

  /**
   * The primitive behind every view: makes the collection available to side-input readers,
   * which apply the view function to a window's elements.
   */
  public static final class CreatePCollectionView<E, T> extends PTransform<PCollection<E>, PCollectionView<T>> {
    private static final long serialVersionUID = 1L;
    private final ViewFn<E, T> viewFn;

    CreatePCollectionView(ViewFn<E, T> viewFn) {
      this.viewFn = viewFn;
    }

    /** The primitive for {@code viewFn}; for runners and pipeline translation. */
    public static <E, T> CreatePCollectionView<E, T> of(ViewFn<E, T> viewFn) {
      return new CreatePCollectionView<>(viewFn);
    }

    public ViewFn<E, T> getViewFn() {
      return viewFn;
    }

    @Override
    public PCollectionView<T> expand(PCollection<E> input) {
      Coder<E> coder = input.getCoder();
      return PCollectionViews.of(input, viewFn, coder);
    }
  }

  private static final class Materialize<E, T> extends PTransform<PCollection<E>, PCollectionView<T>> {
    private static final long serialVersionUID = 1L;
    private final ViewFn<E, T> viewFn;

    Materialize(String name, ViewFn<E, T> viewFn) {
      super(name);
      this.viewFn = viewFn;
    }

    @Override
    public PCollectionView<T> expand(PCollection<E> input) {
      return input.apply("CreatePCollectionView", new CreatePCollectionView<>(viewFn));
    }
  }

  static final class ListViewFn<T> extends ViewFn<T, List<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<T> apply(List<T> elements) {
      return Collections.unmodifiableList(elements);
    }
  }

  static final class IterableViewFn<T> extends ViewFn<T, Iterable<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterable<T> apply(List<T> elements) {
      return Collections.unmodifiableList(elements);
    }
  }

  static final class SingletonViewFn<T> extends ViewFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final boolean hasDefault;
    private final T defaultValue;

    SingletonViewFn(boolean hasDefault, T defaultValue) {
      this.hasDefault = hasDefault;
      this.defaultValue = defaultValue;
    }

    @Override
    public T apply(List<T> elements) {
      if (elements.isEmpty()) {
        if (hasDefault) {
          return defaultValue;
        }
        throw new IllegalArgumentException("View.asSingleton() of an empty collection; give a"
            + " default with View.<T>asSingleton().withDefaultValue(value)");
      }
      if (elements.size() > 1) {
        throw new IllegalArgumentException("View.asSingleton() of a collection with "
            + elements.size() + " elements (first two: " + elements.get(0) + ", "
            + elements.get(1) + "); use View.asList() or combine it to one value first");
      }
      return elements.get(0);
    }
  }

  static final class MapViewFn<K, V> extends ViewFn<KV<K, V>, Map<K, V>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<K, V> apply(List<KV<K, V>> elements) {
      Map<K, V> map = new LinkedHashMap<>();
      for (KV<K, V> kv : elements) {
        if (map.containsKey(kv.getKey())) {
          throw new IllegalArgumentException("View.asMap() found key " + kv.getKey()
              + " twice (values " + map.get(kv.getKey()) + " and " + kv.getValue()
              + "); use View.asMultimap() or combine per key first");
        }
        map.put(kv.getKey(), kv.getValue());
      }
      return Collections.unmodifiableMap(map);
    }
  }

  static final class MultimapViewFn<K, V> extends ViewFn<KV<K, V>, Map<K, Iterable<V>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<K, Iterable<V>> apply(List<KV<K, V>> elements) {
      Map<K, List<V>> map = new LinkedHashMap<>();
      for (KV<K, V> kv : elements) {
        map.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      Map<K, Iterable<V>> view = new LinkedHashMap<>();
      map.forEach((k, vs) -> view.put(k, Collections.unmodifiableList(vs)));
      return Collections.unmodifiableMap(view);
    }
  }
}
