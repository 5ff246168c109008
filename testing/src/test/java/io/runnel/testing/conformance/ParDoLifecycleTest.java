package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesParDoLifecycle;
import io.runnel.windowing.GlobalWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: the DoFn life cycle, observed through outputs. That {@code @Teardown} runs for
 * every instance set up is a runner contract only an in-process runner can observe (see the
 * README); the direct runner checks it in its own tests.
 */
@UsesParDoLifecycle
class ParDoLifecycleTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void setupRunsBeforeAnyElement() {
    PCollection<String> out = p.apply(Create.of("a", "b")).apply(ParDo.of(new PrefixSetInSetupFn()));
    PAssert.that(out).containsInAnyOrder("set-a", "set-b");
    p.run();
  }

  @Test
  void startBundleRunsBeforeTheElementsOfItsBundle() {
    PCollection<String> out = p.apply(Create.of("a", "b")).apply(ParDo.of(new BundleStartedFn()));
    PAssert.that(out).containsInAnyOrder("a:true", "b:true");
    p.run();
  }

  @Test
  void finishBundleContextOutputsBufferedElements() {
    PCollection<String> out = p.apply(Create.of("a", "b", "c")).apply(ParDo.of(new FlushInFinishBundleFn()));
    PAssert.that(out).containsInAnyOrder("flushed-a", "flushed-b", "flushed-c");
    p.run();
  }

  private static final class PrefixSetInSetupFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private transient String prefix;

    @Setup
    public void setup() {
      prefix = "set-";
    }

    @ProcessElement
    public void process(@Element String e, OutputReceiver<String> out) {
      out.output(prefix + e);
    }
  }

  private static final class BundleStartedFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private transient boolean started;

    @StartBundle
    public void startBundle() {
      started = true;
    }

    @ProcessElement
    public void process(@Element String e, OutputReceiver<String> out) {
      out.output(e + ":" + started);
    }

    @FinishBundle
    public void finishBundle() {
      started = false;
    }
  }

  private static final class FlushInFinishBundleFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private transient List<String> buffer;

    @StartBundle
    public void startBundle() {
      buffer = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element String e) {
      buffer.add(e);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (String e : buffer) {
        c.output("flushed-" + e, Instant.EPOCH, GlobalWindow.INSTANCE);
      }
    }
  }
}
