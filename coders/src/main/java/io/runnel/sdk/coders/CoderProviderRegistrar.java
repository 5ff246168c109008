package io.runnel.sdk.coders;

import java.util.List;

/**
 * Contributes {@link CoderProvider}s to every registry made by {@link
 * CoderRegistry#createDefault()}, as Beam's interface of that name: list an implementation in
 * {@code META-INF/services/io.runnel.sdk.coders.CoderProviderRegistrar} and it is found with
 * {@link java.util.ServiceLoader}. This is how modules above this one (windows, timestamped
 * values, IO records) give their types default coders.
 */
public interface CoderProviderRegistrar {
  /** The providers to consult, after those registered on the registry itself. */
  List<CoderProvider> getCoderProviders();
}
