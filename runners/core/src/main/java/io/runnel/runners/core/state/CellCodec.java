package io.runnel.runners.core.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.Coder.StructuralByteArray;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TimestampedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How one kind of state is held decoded in a {@link BundleStateCache} (a mutable representation)
 * and encoded in a {@link StateBackend} cell, through the state spec's coders. An empty
 * representation is stored as an empty cell. Immutable and stateless.
 *
 * @param <R> the decoded, mutable representation
 */
interface CellCodec<R> {
  /** A new empty representation. */
  R empty();

  /** Whether {@code value} holds nothing, so its cell is removed. */
  boolean isEmpty(R value);

  byte[] encode(R value);

  R decode(byte[] bytes);

  static <T> byte[] encodeWith(Coder<T> coder, T value) {
    try {
      return io.runnel.sdk.coders.CoderUtils.encodeToByteArray(coder, value);
    } catch (io.runnel.sdk.coders.CoderException e) {
      throw new IllegalArgumentException("Cannot encode '" + value + "' with " + coder + ": " + e,
          e);
    }
  }

  static <T> T decodeWith(Coder<T> coder, byte[] bytes) {
    try {
      return io.runnel.sdk.coders.CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (io.runnel.sdk.coders.CoderException e) {
      throw new IllegalStateException("Cannot decode state with " + coder + ": " + e, e);
    }
  }

  /** A single value, or none: for value and combining state. */
  final class Box<T> {
    T value;
    boolean present;

    void set(T newValue) {
      value = newValue;
      present = true;
    }

    void clear() {
      value = null;
      present = false;
    }
  }

  static <T> CellCodec<Box<T>> single(Coder<T> coder) {
    return new CellCodec<>() {
      @Override
      public Box<T> empty() {
        return new Box<>();
      }

      @Override
      public boolean isEmpty(Box<T> box) {
        return !box.present;
      }

      @Override
      public byte[] encode(Box<T> box) {
        return CellCodec.encodeWith(coder, box.value);
      }

      @Override
      public Box<T> decode(byte[] bytes) {
        Box<T> box = new Box<>();
        box.set(CellCodec.decodeWith(coder, bytes));
        return box;
      }
    };
  }

  static <T> CellCodec<List<T>> list(Coder<T> elemCoder) {
    ListCoder<T> coder = ListCoder.of(elemCoder);
    return new CellCodec<>() {
      @Override
      public List<T> empty() {
        return new ArrayList<>();
      }

      @Override
      public boolean isEmpty(List<T> list) {
        return list.isEmpty();
      }

      @Override
      public byte[] encode(List<T> list) {
        return CellCodec.encodeWith(coder, list);
      }

      @Override
      public List<T> decode(byte[] bytes) {
        return new ArrayList<>(CellCodec.decodeWith(coder, bytes));
      }
    };
  }

  /** Values by their encoding, in insertion order: for set and map state. */
  static <T> CellCodec<LinkedHashMap<StructuralByteArray, T>> byEncoding(Coder<T> valueCoder,
      java.util.function.Function<T, StructuralByteArray> keyOf) {
    ListCoder<T> coder = ListCoder.of(valueCoder);
    return new CellCodec<>() {
      @Override
      public LinkedHashMap<StructuralByteArray, T> empty() {
        return new LinkedHashMap<>();
      }

      @Override
      public boolean isEmpty(LinkedHashMap<StructuralByteArray, T> map) {
        return map.isEmpty();
      }

      @Override
      public byte[] encode(LinkedHashMap<StructuralByteArray, T> map) {
        return CellCodec.encodeWith(coder, new ArrayList<>(map.values()));
      }

      @Override
      public LinkedHashMap<StructuralByteArray, T> decode(byte[] bytes) {
        LinkedHashMap<StructuralByteArray, T> map = new LinkedHashMap<>();
        for (T value : CellCodec.decodeWith(coder, bytes)) {
          map.put(keyOf.apply(value), value);
        }
        return map;
      }
    };
  }

  /** Timestamped values kept sorted by timestamp, ties in insertion order. */
  static <T> CellCodec<List<TimestampedValue<T>>> timestamped(Coder<T> elemCoder) {
    ListCoder<KV<Instant, T>> coder = ListCoder.of(KvCoder.of(InstantCoder.of(), elemCoder));
    return new CellCodec<>() {
      @Override
      public List<TimestampedValue<T>> empty() {
        return new ArrayList<>();
      }

      @Override
      public boolean isEmpty(List<TimestampedValue<T>> list) {
        return list.isEmpty();
      }

      @Override
      public byte[] encode(List<TimestampedValue<T>> list) {
        List<KV<Instant, T>> pairs = new ArrayList<>(list.size());
        for (TimestampedValue<T> value : list) {
          pairs.add(KV.of(value.getTimestamp(), value.getValue()));
        }
        return CellCodec.encodeWith(coder, pairs);
      }

      @Override
      public List<TimestampedValue<T>> decode(byte[] bytes) {
        List<TimestampedValue<T>> list = new ArrayList<>();
        for (KV<Instant, T> pair : CellCodec.decodeWith(coder, bytes)) {
          list.add(TimestampedValue.of(pair.getValue(), pair.getKey()));
        }
        return list;
      }
    };
  }
}
