package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.LambdaTypes;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptor;
import java.util.Optional;

/**
 * Removes duplicates, per window: {@code Distinct.create()} keeps one of each set of equal
 * elements; {@code Distinct.withRepresentativeValueFn(fn)} keeps one element per value of
 * {@code fn}, an arbitrary one among those sharing it. Elements (or representative values) are
 * compared by their encoding, so that coder must be deterministic; this is checked on apply.
 * The output has the input's coder.
 */
public final class Distinct<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private Distinct() {}

  /** Keeps one of each set of equal elements. */
  public static <T> Distinct<T> create() {
    return new Distinct<>();
  }

  /** Keeps one element for each distinct value of {@code fn(element)}. */
  public static <T, IdT> WithRepresentativeValues<T, IdT> withRepresentativeValueFn(
      SerializableFunction<T, IdT> fn) {
    return new WithRepresentativeValues<>(fn, null);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    GroupByKey.checkDeterministicKey(input, coder, "Distinct");
    return input
        .apply("KeyByElement", ParDo.of(new KeyByElementFn<T>()))
        .setCoder(KvCoder.of(coder, VoidCoder.of()))
        .apply("CountPerElement", Count.perKey())
        .apply("Keys", Keys.create());
  }

  @Override
  protected String getKindString() {
    return "Distinct";
  }

  /** See {@link Distinct#withRepresentativeValueFn}. */
  public static final class WithRepresentativeValues<T, IdT>
      extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<T, IdT> fn;
    private final transient TypeDescriptor<IdT> representativeType;

    private WithRepresentativeValues(SerializableFunction<T, IdT> fn, TypeDescriptor<IdT> type) {
      this.fn = java.util.Objects.requireNonNull(fn, "fn");
      this.representativeType = type;
    }

    /** This transform with the representative type given, to infer its coder. */
    public WithRepresentativeValues<T, IdT> withRepresentativeType(TypeDescriptor<IdT> type) {
      return new WithRepresentativeValues<>(fn, type);
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      Coder<IdT> idCoder = representativeCoder(input);
      GroupByKey.checkDeterministicKey(input, idCoder, "Distinct.withRepresentativeValueFn");
      return input
          .apply("KeyByRepresentative", ParDo.of(new KeyByRepresentativeFn<>(fn)))
          .setCoder(KvCoder.of(idCoder, input.getCoder()))
          .apply("OnePerRepresentative", Combine.<IdT, T, T>perKey(new FirstFn<T>()))
          .apply("Values", Values.create());
    }

    @Override
    protected String getKindString() {
      return "Distinct.WithRepresentativeValues";
    }

    @SuppressWarnings("unchecked")
    private Coder<IdT> representativeCoder(PCollection<T> input) {
      try {
        if (representativeType != null) {
          return input.getPipeline().getCoderRegistry().getCoder(representativeType);
        }
        Optional<TypeDescriptor<?>> inferred = LambdaTypes.outputTypeOf(fn, SerializableFunction.class);
        if (inferred.isPresent() && !inferred.get().hasUnresolvedParameters()) {
          return input.getPipeline().getCoderRegistry().getCoder((TypeDescriptor<IdT>) inferred.get());
        }
        throw new CannotProvideCoderException("the representative function's return type is unknown");
      } catch (CannotProvideCoderException e) {
        throw new IllegalStateException("Distinct.withRepresentativeValueFn on " + input
            + " cannot infer a coder for the representative values: " + e.getMessage()
            + ". Fix: add .withRepresentativeType(TypeDescriptors...)", e);
      }
    }
  }

  private static final class KeyByElementFn<T> extends DoFn<T, KV<T, Void>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<T, Void>> out) {
      out.output(KV.of(element, null));
    }
  }

  private static final class KeyByRepresentativeFn<T, IdT> extends DoFn<T, KV<IdT, T>> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<T, IdT> fn;

    KeyByRepresentativeFn(SerializableFunction<T, IdT> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<IdT, T>> out) {
      out.output(KV.of(fn.apply(element), element));
    }
  }

  /** Keeps the first value it sees. */
  private static final class FirstFn<T> extends Combine.BinaryCombineFn<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(T left, T right) {
      return left;
    }
  }
}
