package io.runnel.runners.core.execution;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.InstantCoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing and reading the parts of an engine snapshot: length-prefixed byte arrays, instants at
 * full precision, and values through their coders. Not thread-safe.
 */
final class SnapshotStreams {
  private SnapshotStreams() {}

  /** Builds one snapshot part. */
  static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    Out writeInt(int value) {
      try {
        out.writeInt(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Out writeLong(long value) {
      try {
        out.writeLong(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Out writeBoolean(boolean value) {
      try {
        out.writeBoolean(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Out writeString(String value) {
      try {
        out.writeUTF(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** Writes {@code value}, which may be null. */
    Out writeBytes(byte[] value) {
      try {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
          out.write(value);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** Writes {@code value}, which may be null. */
    Out writeInstant(Instant value) {
      return writeBytes(value == null ? null : encode(InstantCoder.of(), value));
    }

    <T> Out writeValue(Coder<T> coder, T value) {
      return writeBytes(encode(coder, value));
    }

    <T> Out writeValues(Coder<T> coder, List<? extends T> values) {
      writeInt(values.size());
      for (T value : values) {
        writeValue(coder, value);
      }
      return this;
    }

    byte[] toByteArray() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  /** Reads one snapshot part. */
  static final class In {
    private final DataInputStream in;

    In(byte[] bytes) {
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    int readInt() {
      try {
        return in.readInt();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    long readLong() {
      try {
        return in.readLong();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    boolean readBoolean() {
      try {
        return in.readBoolean();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    String readString() {
      try {
        return in.readUTF();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    /** Reads a byte array, or null. */
    byte[] readBytes() {
      try {
        int length = in.readInt();
        if (length < 0) {
          return null;
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    /** Reads an instant, or null. */
    Instant readInstant() {
      byte[] bytes = readBytes();
      return bytes == null ? null : decode(InstantCoder.of(), bytes);
    }

    <T> T readValue(Coder<T> coder) {
      return decode(coder, readBytes());
    }

    <T> List<T> readValues(Coder<T> coder) {
      int count = readInt();
      List<T> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(readValue(coder));
      }
      return values;
    }

    private static IllegalArgumentException corrupt(IOException e) {
      return new IllegalArgumentException("Corrupt engine snapshot: " + e, e);
    }
  }

  static <T> byte[] encode(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("Cannot encode '" + TransformFailure.abbreviate(value)
          + "' with " + coder + " for a snapshot: " + e, e);
    }
  }

  static <T> T decode(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot decode a snapshot part with " + coder + ": " + e,
          e);
    }
  }
}
