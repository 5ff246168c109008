package io.runnel.runners.core;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.StructuredCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.PaneInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link WindowedValue}: its timestamp (full precision), windows, pane, then value.
 * How elements cross a stage boundary as bytes (to a remote worker, into a snapshot). Immutable.
 *
 * @param <T> the type of the values
 */
public final class WindowedValueCoder<T> extends StructuredCoder<WindowedValue<T>> {
  private static final long serialVersionUID = 1L;
  private final Coder<T> valueCoder;
  private final Coder<BoundedWindow> windowCoder;

  @SuppressWarnings("unchecked")
  private WindowedValueCoder(Coder<T> valueCoder, Coder<? extends BoundedWindow> windowCoder) {
    this.valueCoder = valueCoder;
    this.windowCoder = (Coder<BoundedWindow>) windowCoder;
  }

  /** A coder of values of {@code valueCoder} in windows of {@code windowCoder}. */
  public static <T> WindowedValueCoder<T> of(Coder<T> valueCoder,
      Coder<? extends BoundedWindow> windowCoder) {
    return new WindowedValueCoder<>(valueCoder, windowCoder);
  }

  public Coder<T> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(WindowedValue<T> value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null WindowedValue");
    }
    InstantCoder.of().encode(value.getTimestamp(), out);
    VarIntCoder.of().encode(value.getWindows().size(), out);
    for (BoundedWindow window : value.getWindows()) {
      windowCoder.encode(window, out);
    }
    PaneInfo.PaneInfoCoder.of().encode(value.getPane(), out);
    valueCoder.encode(value.getValue(), out);
  }

  @Override
  public WindowedValue<T> decode(InputStream in) throws IOException {
    java.time.Instant timestamp = InstantCoder.of().decode(in);
    int count = VarIntCoder.of().decode(in);
    if (count == 1) {
      BoundedWindow window = windowCoder.decode(in);
      PaneInfo pane = PaneInfo.PaneInfoCoder.of().decode(in);
      return WindowedValue.of(valueCoder.decode(in), timestamp,
          window instanceof GlobalWindow ? GlobalWindow.INSTANCE : window, pane);
    }
    List<BoundedWindow> windows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      windows.add(windowCoder.decode(in));
    }
    PaneInfo pane = PaneInfo.PaneInfoCoder.of().decode(in);
    return WindowedValue.of(valueCoder.decode(in), timestamp, List.copyOf(windows), pane);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder, windowCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the value and window coders must be deterministic", valueCoder,
        windowCoder);
  }
}
