package io.runnel.windowing.internal;

import io.runnel.sdk.coders.CoderProvider;
import io.runnel.sdk.coders.CoderProviderRegistrar;
import io.runnel.sdk.coders.CoderProviders;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import java.util.List;

/** Default coders of the windows, for every {@code CoderRegistry.createDefault()}. Internal. */
public final class WindowingCoderProviderRegistrar implements CoderProviderRegistrar {
  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(
        CoderProviders.forCoder(TypeDescriptor.of(IntervalWindow.class), IntervalWindow.getCoder()),
        CoderProviders.forCoder(TypeDescriptor.of(GlobalWindow.class), GlobalWindow.Coder.INSTANCE));
  }
}
