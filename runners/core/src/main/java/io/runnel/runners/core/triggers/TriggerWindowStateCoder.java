package io.runnel.runners.core.triggers;

import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.BitSet;

/**
 * Encodes a {@link TriggerWindowState}: the number of nodes, the finished bits, and per node its
 * count and (nullable) deadline at full precision. Deterministic.
 */
public final class TriggerWindowStateCoder extends CustomCoder<TriggerWindowState> {
  private static final long serialVersionUID = 1L;
  private static final TriggerWindowStateCoder INSTANCE = new TriggerWindowStateCoder();

  private TriggerWindowStateCoder() {}

  public static TriggerWindowStateCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(TriggerWindowState state, OutputStream out) throws IOException {
    if (state == null) {
      throw new CoderException("cannot encode a null TriggerWindowState");
    }
    int nodes = state.nodes();
    VarLongCoder.of().encode((long) nodes, out);
    long[] bits = state.finishedBits().toLongArray();
    VarLongCoder.of().encode((long) bits.length, out);
    for (long word : bits) {
      VarLongCoder.of().encode(word, out);
    }
    for (int node = 0; node < nodes; node++) {
      VarLongCoder.of().encode(state.count(node), out);
      Instant deadline = state.deadline(node);
      out.write(deadline == null ? 0 : 1);
      if (deadline != null) {
        InstantCoder.of().encode(deadline, out);
      }
    }
  }

  @Override
  public TriggerWindowState decode(InputStream in) throws IOException {
    int nodes = (int) (long) VarLongCoder.of().decode(in);
    long[] bits = new long[(int) (long) VarLongCoder.of().decode(in)];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = VarLongCoder.of().decode(in);
    }
    long[] counts = new long[nodes];
    Instant[] deadlines = new Instant[nodes];
    for (int node = 0; node < nodes; node++) {
      counts[node] = VarLongCoder.of().decode(in);
      int present = in.read();
      if (present < 0) {
        throw new CoderException("stream ended inside a TriggerWindowState");
      }
      deadlines[node] = present == 0 ? null : InstantCoder.of().decode(in);
    }
    return TriggerWindowState.of(BitSet.valueOf(bits), counts, deadlines);
  }

  @Override
  public void verifyDeterministic() {}
}
