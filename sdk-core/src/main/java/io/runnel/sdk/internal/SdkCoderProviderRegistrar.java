package io.runnel.sdk.internal;

import io.runnel.sdk.coders.CoderProvider;
import io.runnel.sdk.coders.CoderProviderRegistrar;
import io.runnel.sdk.coders.CoderProviders;
import io.runnel.sdk.values.TimestampedValue;
import java.util.List;

/** Default coders of sdk-core's value types, for every {@code CoderRegistry.createDefault()}. Internal. */
public final class SdkCoderProviderRegistrar implements CoderProviderRegistrar {
  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(CoderProviders.fromStaticMethods(TimestampedValue.class,
        TimestampedValue.TimestampedValueCoder.class));
  }
}
