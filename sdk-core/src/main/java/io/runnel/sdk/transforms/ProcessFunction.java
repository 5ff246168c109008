package io.runnel.sdk.transforms;

import java.io.Serializable;

/** A serializable function that may throw checked exceptions, for lambdas in element-wise transforms. */
@FunctionalInterface
public interface ProcessFunction<InputT, OutputT> extends Serializable {
  OutputT apply(InputT input) throws Exception;
}
