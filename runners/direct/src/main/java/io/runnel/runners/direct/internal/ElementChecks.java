package io.runnel.runners.direct.internal;

import io.runnel.runners.core.execution.TransformChecks;
import io.runnel.runners.core.execution.TransformFailure;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The direct runner's element checks: encodability (an element survives its coder) and
 * immutability (nobody changes an element after it was output or while it is an input).
 * Stateless and thread-safe; one instance per run makes the checks of each transform instance.
 */
final class ElementChecks implements TransformChecks.Factory {
  final boolean encodability;
  final boolean immutability;

  ElementChecks(boolean encodability, boolean immutability) {
    this.encodability = encodability;
    this.immutability = immutability;
  }

  boolean any() {
    return encodability || immutability;
  }

  @Override
  public TransformChecks forTransform(String transform, Coder<?> inputCoder,
      Map<TupleTag<?>, PCollection<?>> outputs) {
    return any() ? new OfTransform(transform, inputCoder, outputs) : TransformChecks.NONE;
  }

  /**
   * The checks of one transform instance: outputs are encoded (and, for encodability, decoded
   * and compared) as they are output, and their encodings recorded; the recorded outputs must
   * still encode the same at the end of the bundle, or whenever many were recorded (then all but
   * the latest are forgotten, so that an object reused by the next call is still caught). An
   * input must encode the same before and after the transform processed it.
   */
  private final class OfTransform implements TransformChecks {
    private static final int RECHECK_THRESHOLD = 4096;
    private static final int KEEP_AFTER_RECHECK = 64;
    private final String transform;
    private final Coder<Object> inputCoder;
    private final Map<TupleTag<?>, PCollection<?>> outputs;
    private final List<Recorded> recorded = new ArrayList<>();

    private record Recorded(TupleTag<?> tag, Object value, byte[] bytes) {}

    @SuppressWarnings("unchecked")
    OfTransform(String transform, Coder<?> inputCoder, Map<TupleTag<?>, PCollection<?>> outputs) {
      this.transform = transform;
      this.inputCoder = (Coder<Object>) inputCoder;
      this.outputs = outputs;
    }

    @Override
    public Object beforeInput(Object input) {
      return immutability ? snapshot(inputCoder, input) : null;
    }

    @Override
    public void afterInput(Object input, Object token) {
      if (recorded.size() > RECHECK_THRESHOLD) {
        verifyOutputsUnchanged();
      }
      if (token != null && !unchanged(inputCoder, input, (byte[]) token)) {
        throw new TransformFailure("Transform '" + transform + "' mutated its input element '"
            + TransformFailure.abbreviate(input) + "' in place. DoFns must not change"
            + " their inputs; copy the element before changing it (or turn this check off with"
            + " --enforceImmutability=false)");
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onOutput(TupleTag<?> tag, Object value) {
      PCollection<?> collection = outputs.get(tag);
      Coder<Object> coder = (Coder<Object>) collection.getCoder();
      byte[] bytes = checkOutput(transform, collection, coder, value);
      if (immutability) {
        recorded.add(new Recorded(tag, value, bytes));
      }
    }

    @Override
    public void onFinishBundle() {
      verifyOutputsUnchanged();
      recorded.clear();
    }

    @SuppressWarnings("unchecked")
    private void verifyOutputsUnchanged() {
      for (Recorded output : recorded) {
        Coder<Object> coder = (Coder<Object>) outputs.get(output.tag()).getCoder();
        if (!unchanged(coder, output.value(), output.bytes())) {
          throw new TransformFailure("Transform '" + transform + "' mutated element '"
              + TransformFailure.abbreviate(output.value()) + "' after outputting it to "
              + outputs.get(output.tag()) + ". Output a new object, or a copy, instead of"
              + " changing one already output (or turn this check off with"
              + " --enforceImmutability=false)");
        }
      }
      int keep = Math.min(recorded.size(), KEEP_AFTER_RECHECK);
      List<Recorded> latest = new ArrayList<>(recorded.subList(recorded.size() - keep,
          recorded.size()));
      recorded.clear();
      recorded.addAll(latest);
    }
  }

  /**
   * Encodes an output and, if asked, checks it decodes to an equal value. Returns the bytes for
   * a later immutability check.
   */
  <T> byte[] checkOutput(String transform, Object collection, Coder<T> coder, T value) {
    byte[] bytes;
    try {
      bytes = CoderUtils.encodeToByteArray(coder, value);
    } catch (Exception e) {
      // With only the immutability check on, the bytes are for that check alone.
      String option = encodability ? "--enforceEncodability=false" : "--enforceImmutability=false";
      throw new TransformFailure("Transform '" + transform + "' output element '"
          + TransformFailure.abbreviate(value) + "' to " + collection + ", whose coder " + coder
          + " cannot encode it: " + e + ". Set a coder that can with setCoder(...), or turn this"
          + " check off with " + option, e);
    }
    if (encodability) {
      T decoded;
      try {
        decoded = CoderUtils.decodeFromByteArray(coder, bytes);
      } catch (Exception e) {
        throw new TransformFailure("Transform '" + transform + "' output element '"
            + TransformFailure.abbreviate(value) + "' to " + collection + ", whose coder " + coder
            + " cannot decode what it encoded: " + e, e);
      }
      if (!sameAfterRoundTrip(coder, value, decoded, bytes)) {
        throw new TransformFailure("Transform '" + transform + "' output element '"
            + TransformFailure.abbreviate(value) + "' to " + collection + ", but its coder "
            + coder + " does not preserve it: it decodes as '" + TransformFailure.abbreviate(decoded)
            + "'. The coder loses data; fix it or set another with setCoder(...)");
      }
    }
    return bytes;
  }

  /** Whether {@code value} still encodes to {@code bytes} (compared as it encodes). */
  <T> boolean unchanged(Coder<T> coder, T value, byte[] bytes) {
    if (bytes == null) {
      return false;
    }
    try {
      MatchingOutputStream out = new MatchingOutputStream(bytes);
      coder.encode(value, out);
      return out.matchedAll();
    } catch (Exception e) {
      return false;
    }
  }

  /** Encodes {@code value}, for comparing later; null if it cannot be encoded. */
  <T> byte[] snapshot(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * Whether {@code decoded} is {@code value} again: by {@code equals} where the class defines it,
   * else by encoding (identity equality says nothing about a copy). A {@code KV} is compared part
   * by part, so a key type without {@code equals} (grouped by its encoding, as in Beam) does not
   * make a faithful coder look lossy.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> boolean sameAfterRoundTrip(Coder<T> coder, T value, T decoded, byte[] bytes) {
    if (value == null || decoded == null) {
      return value == decoded;
    }
    boolean definesEquals = OVERRIDES_EQUALS.get(value.getClass());
    if (definesEquals && java.util.Objects.deepEquals(value, decoded)) {
      return true;
    }
    if (coder instanceof KvCoder kvCoder && value instanceof KV<?, ?> kv
        && decoded instanceof KV<?, ?> copy) {
      return sameAfterRoundTrip(kvCoder.getKeyCoder(), kv.getKey(), copy.getKey(), null)
          && sameAfterRoundTrip(kvCoder.getValueCoder(), kv.getValue(), copy.getValue(), null);
    }
    if (definesEquals) {
      return false;
    }
    try {
      byte[] original = bytes != null ? bytes : CoderUtils.encodeToByteArray(coder, value);
      return Arrays.equals(CoderUtils.encodeToByteArray(coder, decoded), original);
    } catch (Exception e) {
      return false;
    }
  }

  private static final ClassValue<Boolean> OVERRIDES_EQUALS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> kls) {
      if (kls.isArray()) {
        return true;
      }
      try {
        return kls.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  };
}
