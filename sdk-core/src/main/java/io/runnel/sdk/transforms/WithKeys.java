package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.LambdaTypes;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;
import java.util.Optional;

/**
 * Pairs each element with a key: {@code WithKeys.of(word -> word.length())} or a constant
 * {@code WithKeys.of("all")}. The key coder comes from {@link #withKeyType}, the constant's
 * class, or the function's declared return type.
 */
public final class WithKeys<K, V> extends PTransform<PCollection<V>, PCollection<KV<K, V>>> {
  private static final long serialVersionUID = 1L;
  private final SerializableFunction<V, K> fn;
  private final transient TypeDescriptor<K> keyType;
  private final transient K constantKey;
  private final boolean constant;

  private WithKeys(SerializableFunction<V, K> fn, TypeDescriptor<K> keyType, K constantKey, boolean constant) {
    this.fn = fn;
    this.keyType = keyType;
    this.constantKey = constantKey;
    this.constant = constant;
  }

  /** Keys each element by {@code fn(element)}. */
  public static <K, V> WithKeys<K, V> of(SerializableFunction<V, K> fn) {
    return new WithKeys<>(fn, null, null, false);
  }

  /** Keys every element by {@code key}. */
  public static <K, V> WithKeys<K, V> of(K key) {
    return new WithKeys<>(v -> key, null, key, true);
  }

  /** This transform with the key type given, for coder inference. */
  public WithKeys<K, V> withKeyType(TypeDescriptor<K> type) {
    return new WithKeys<>(fn, type, constantKey, constant);
  }

  @Override
  public PCollection<KV<K, V>> expand(PCollection<V> input) {
    Coder<K> keyCoder = keyCoder(input);
    return input.apply(ParDo.of(new KeyFn<>(fn))).setCoder(KvCoder.of(keyCoder, input.getCoder()));
  }

  @SuppressWarnings("unchecked")
  private Coder<K> keyCoder(PCollection<V> input) {
    try {
      if (keyType != null) {
        return input.getPipeline().getCoderRegistry().getCoder(keyType);
      }
      if (constant) {
        // A null constant key is a Void, as in Beam: WithKeys.of((Void) null).
        Class<?> keyClass = constantKey == null ? Void.class : constantKey.getClass();
        return (Coder<K>) input.getPipeline().getCoderRegistry().getCoder(keyClass);
      }
      Optional<TypeDescriptor<?>> inferred = LambdaTypes.outputTypeOf(fn, SerializableFunction.class);
      if (inferred.isPresent() && !inferred.get().hasUnresolvedParameters()) {
        return input.getPipeline().getCoderRegistry().getCoder((TypeDescriptor<K>) inferred.get());
      }
      throw new CannotProvideCoderException("the key function's return type is unknown");
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("WithKeys on " + input + " cannot infer a coder for its keys: "
          + e.getMessage() + ". Fix: add .withKeyType(TypeDescriptors...) or set the output coder"
          + " with .setCoder(KvCoder.of(keyCoder, valueCoder))", e);
    }
  }

  private static final class KeyFn<K, V> extends DoFn<V, KV<K, V>> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<V, K> fn;

    KeyFn(SerializableFunction<V, K> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element V element, OutputReceiver<KV<K, V>> out) {
      out.output(KV.of(fn.apply(element), element));
    }
  }
}
