package io.runnel.sdk.io;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a {@link Source} into a {@code PCollection}: {@code p.apply(Read.from(new MySource()))}.
 * Both kinds of read are primitives the runner executes: their output is in the global window,
 * encoded with the source's {@linkplain Source#getOutputCoder() output coder}, bounded for a
 * {@link BoundedSource} and unbounded for an {@link UnboundedSource}. Elements carry the
 * timestamps their reader gives them.
 *
 * <p>The transforms are immutable and safe to share between threads. The source is checked to be
 * serializable when the transform is made, and {@linkplain Source#validate() validated} when it
 * is applied.
 */
public final class Read {
  private Read() {}

  /** A bounded read of {@code source}. */
  public static <T> Bounded<T> from(BoundedSource<T> source) {
    return new Bounded<>(checkSerializable(source, "Read.from"));
  }

  /**
   * An unbounded read of {@code source}; {@link Unbounded#withMaxNumRecords} and {@link
   * Unbounded#withMaxReadTime} make it a bounded read of part of it.
   */
  public static <T> Unbounded<T> from(UnboundedSource<T, ?> source) {
    return new Unbounded<>(checkSerializable(source, "Read.from"));
  }

  /** Reads a {@link BoundedSource} into a bounded {@code PCollection}. */
  public static final class Bounded<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final BoundedSource<T> source;

    private Bounded(BoundedSource<T> source) {
      this.source = source;
    }

    /** The source read. */
    public BoundedSource<T> getSource() {
      return source;
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      return primitiveOutput(input, source, PCollection.IsBounded.BOUNDED);
    }

    @Override
    protected String getKindString() {
      return kindString(source);
    }
  }

  /** Reads an {@link UnboundedSource} into an unbounded {@code PCollection}. */
  public static final class Unbounded<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final UnboundedSource<T, ?> source;

    private Unbounded(UnboundedSource<T, ?> source) {
      this.source = source;
    }

    /** The source read. */
    public UnboundedSource<T, ?> getSource() {
      return source;
    }

    /**
     * A bounded read of the first {@code maxNumRecords} elements of the source (in total, over
     * all its splits), or all of them if it ends first. Reading may take long if the source is
     * slow.
     *
     * @throws IllegalArgumentException when {@code maxNumRecords} is negative
     */
    public BoundedReadFromUnboundedSource<T> withMaxNumRecords(long maxNumRecords) {
      return new BoundedReadFromUnboundedSource<>(source,
          BoundedReadFromUnboundedSource.checkMaxNumRecords(maxNumRecords,
              "Read.Unbounded.withMaxNumRecords"), null);
    }

    /**
     * A bounded read of what the source yields within {@code maxReadTime} of processing time;
     * each split of the source reads for that long.
     *
     * @throws IllegalArgumentException when {@code maxReadTime} is null or negative
     */
    public BoundedReadFromUnboundedSource<T> withMaxReadTime(Duration maxReadTime) {
      return new BoundedReadFromUnboundedSource<>(source, Long.MAX_VALUE,
          BoundedReadFromUnboundedSource.checkMaxReadTime(maxReadTime,
              "Read.Unbounded.withMaxReadTime"));
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      return primitiveOutput(input, source, PCollection.IsBounded.UNBOUNDED);
    }

    @Override
    protected String getKindString() {
      return kindString(source);
    }
  }

  /** "Read(SourceClass)", the default name of a read, as Beam's. */
  static String kindString(Source<?> source) {
    String simple = source.getClass().getSimpleName();
    return "Read(" + (simple.isEmpty() ? "AnonymousSource" : simple) + ")";
  }

  /**
   * Validates {@code source} and makes the primitive output of a read of it: global windowing,
   * the source's output coder, {@code bounded}.
   *
   * @throws IllegalArgumentException naming the transform and the source when the source has no
   *     output coder
   */
  static <T> PCollection<T> primitiveOutput(PBegin input, Source<T> source,
      PCollection.IsBounded bounded) {
    String transformName = input.getPipeline().getGraphInternal().getCurrent().getFullName();
    source.validate();
    return PCollection.createPrimitiveOutputInternal(input.getPipeline(),
        WindowingStrategy.globalDefault(), bounded, outputCoder(source, transformName));
  }

  private static <T> Coder<T> outputCoder(Source<T> source, String transformName) {
    Coder<T> coder;
    try {
      coder = source.getOutputCoder();
    } catch (UnsupportedOperationException e) {
      throw missingCoder(source, transformName, e);
    }
    if (coder == null) {
      throw missingCoder(source, transformName, null);
    }
    return coder;
  }

  private static IllegalArgumentException missingCoder(Source<?> source, String transformName,
      RuntimeException cause) {
    String type = source.getClass().getName();
    return new IllegalArgumentException("Transform '" + transformName + "' cannot read source "
        + source + " (" + type + "): it has no output coder. Fix: override getOutputCoder() in "
        + type + " to return the coder of its elements, e.g. StringUtf8Coder.of()", cause);
  }

  static <S extends Source<?>> S checkSerializable(S source, String call) {
    Objects.requireNonNull(source, () -> call + "(source): source must not be null");
    JavaSerialization.serialize(source, "source " + source + " given to " + call);
    return source;
  }
}
