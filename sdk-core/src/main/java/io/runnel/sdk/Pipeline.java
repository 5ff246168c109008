package io.runnel.sdk;

import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.runners.PipelineRunner;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformGraph;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PInput;
import io.runnel.sdk.values.POutput;
import io.runnel.sdk.values.PValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graph of transforms, built by applying them, then run by the runner the options name
 * ({@code --runner}, default {@code direct}). Not thread-safe: build a pipeline on one thread.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
 * p.apply(Create.of("a", "b", "a")).apply(Count.perElement());
 * p.run().waitUntilFinish();
 * }</pre>
 */
public class Pipeline {
  private final TransformGraph graph = new TransformGraph();
  private final CoderRegistry coderRegistry = CoderRegistry.createDefault();
  private PipelineOptions options;

  protected Pipeline(PipelineOptions options) {
    this.options = options;
  }

  /** A pipeline with default options. */
  public static Pipeline create() {
    return new Pipeline(PipelineOptionsFactory.create());
  }

  /** A pipeline with {@code options}. */
  public static Pipeline create(PipelineOptions options) {
    return new Pipeline(options);
  }

  /** The input of root transforms. */
  public PBegin begin() {
    return PBegin.in(this);
  }

  /** Applies a root transform, under its default name. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PBegin, OutputT> root) {
    return begin().apply(root);
  }

  /** Applies a root transform under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PBegin, OutputT> root) {
    return applyTransform(name, begin(), root);
  }

  /** Runs the pipeline with its own options. */
  public PipelineResult run() {
    return run(options);
  }

  /** Runs the pipeline with the runner and settings of {@code runOptions}. */
  public PipelineResult run(PipelineOptions runOptions) {
    this.options = runOptions;
    validateCoders();
    PipelineRunner<? extends PipelineResult> runner = PipelineRunner.fromOptions(runOptions);
    return runner.run(this);
  }

  /** The registry used to infer coders of this pipeline's collections. */
  public CoderRegistry getCoderRegistry() {
    return coderRegistry;
  }

  public PipelineOptions getOptions() {
    return options;
  }

  /** Visits every transform, in an order where producers come before consumers. */
  public void traverseTopologically(PipelineVisitor visitor) {
    graph.traverseTopologically(visitor);
  }

  /** The graph, for runners and translators. */
  public TransformGraph getGraphInternal() {
    return graph;
  }

  /** For {@code PCollection.apply} and friends: applies under the transform's default name. */
  public <InputT extends PInput, OutputT extends POutput> OutputT applyTransform(
      InputT input, PTransform<? super InputT, OutputT> transform) {
    return applyTransform(transform.getName(), input, transform);
  }

  /** For {@code PCollection.apply} and friends: applies {@code transform} to {@code input}. */
  public <InputT extends PInput, OutputT extends POutput> OutputT applyTransform(
      String name, InputT input, PTransform<? super InputT, OutputT> transform) {
    for (PValue value : input.expand().values()) {
      checkOwned(value, name);
      finishSpecifying(value);
    }
    for (PValue value : transform.getAdditionalInputs().values()) {
      checkOwned(value, name);
      finishSpecifying(value);
    }
    graph.push(name, input.expand(), transform, options.getStableUniqueNames());
    OutputT output;
    try {
      transform.validate(options);
      output = transform.expand(input);
    } catch (RuntimeException | Error e) {
      graph.abandon();
      throw e;
    }
    graph.finish(new LinkedHashMap<>(output.expand()));
    return output;
  }

  private void checkOwned(PValue value, String transformName) {
    if (value.getPipeline() != this) {
      throw new IllegalArgumentException("Transform '" + transformName + "' reads " + value
          + ", which belongs to another pipeline");
    }
  }

  private static void finishSpecifying(PValue value) {
    if (value instanceof PCollection<?> pc) {
      pc.finishSpecifyingInternal();
    }
  }

  private void validateCoders() {
    Map<String, PCollection<?>> collections = new LinkedHashMap<>();
    traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitValue(PValue value, io.runnel.sdk.runners.TransformNode producer) {
        if (value instanceof PCollection<?> pc) {
          collections.put(pc.getName(), pc);
        }
      }
    });
    collections.values().forEach(PCollection::getCoder);
  }

  /** Thrown by {@code run()} when user code failed; the cause is the user's exception. */
  public static class PipelineExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineExecutionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
