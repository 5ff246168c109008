package io.runnel.runners.direct;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a pipeline and reads back one collection's output in the order the runner produced it,
 * for tests of what the direct runner keeps deterministic; and the keying and joining functions
 * those tests share.
 */
final class OutputOrder {
  /** The output order each run observed, by run id. */
  private static final Map<String, List<String>> OBSERVED = new ConcurrentHashMap<>();

  private OutputOrder() {}

  /** Runs {@code p} to its end and returns the elements of {@code out} in output order. */
  static List<String> runAndObserve(Pipeline p, PCollection<String> out) {
    String runId = UUID.randomUUID().toString();
    PAssert.that(out).satisfies(values -> {
      List<String> order = new ArrayList<>();
      values.forEach(order::add);
      OBSERVED.put(runId, order);
      return null;
    });
    p.run().waitUntilFinish();
    return OBSERVED.remove(runId);
  }

  /** Keys {@code "e<n>"} by {@code n % modulus}. */
  static final class KeyByRemainder extends DoFn<String, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;
    private final int modulus;

    KeyByRemainder(int modulus) {
      this.modulus = modulus;
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<KV<Integer, String>> out) {
      out.output(KV.of(Integer.parseInt(element.substring(1)) % modulus, element));
    }
  }

  /** Joins each group's values in the order the runner hands them over. */
  static final class JoinInGivenOrder extends DoFn<KV<Integer, Iterable<String>>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> group, OutputReceiver<String> out) {
      out.output(group.getKey() + "=" + String.join(",", group.getValue()));
    }
  }
}
