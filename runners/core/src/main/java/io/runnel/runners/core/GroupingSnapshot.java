package io.runnel.runners.core;

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

/**
 * The snapshot of an engine instance (a grouping or a stateful DoFn runner): its backend's and
 * timer service's snapshots and its clocks at full precision. Format: version byte, the clocks,
 * then both snapshots, length-prefixed. Immutable.
 */
record GroupingSnapshot(byte[] state, byte[] timers, Instant[] clocks) {
  private static final int FORMAT_VERSION = 1;

  static byte[] write(byte[] state, byte[] timers, Instant[] clocks) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeInt(clocks.length);
      for (Instant clock : clocks) {
        writeBytes(out, CoderUtils.encodeToByteArray(InstantCoder.of(), clock));
      }
      writeBytes(out, state);
      writeBytes(out, timers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static GroupingSnapshot read(byte[] snapshot) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      int version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown engine snapshot format version " + version
            + "; this engine reads version " + FORMAT_VERSION);
      }
      Instant[] clocks = new Instant[in.readInt()];
      for (int i = 0; i < clocks.length; i++) {
        clocks[i] = CoderUtils.decodeFromByteArray(InstantCoder.of(), readBytes(in));
      }
      return new GroupingSnapshot(readBytes(in), readBytes(in), clocks);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Corrupt engine snapshot: " + e, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Corrupt engine snapshot: " + e, e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] value = new byte[in.readInt()];
    in.readFully(value);
    return value;
  }
}
