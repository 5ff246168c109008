package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct runner's immutability and encodability checks fail the run naming the transform,
 * and are switched off by Beam's option names.
 */
class DirectRunnerElementChecksTest {
  /** Adds to its input list in place. */
  static final class MutateInput extends DoFn<List<String>, Integer> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element List<String> element, OutputReceiver<Integer> out) {
      element.add("added");
      out.output(element.size());
    }
  }

  /** Outputs a list, then keeps changing it. */
  static final class MutateAfterOutput extends DoFn<String, List<String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<List<String>> out) {
      List<String> list = new ArrayList<>();
      list.add(element);
      out.output(list);
      list.add("changed after output");
    }
  }

  /** A value type with equals; {@link XOnlyCoder} loses its {@code y}. */
  record Point(int x, int y) {}

  /** Encodes only {@code x}: a coder that loses data. */
  static final class XOnlyCoder extends CustomCoder<Point> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Point value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.x(), out);
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      return new Point(VarIntCoder.of().decode(in), 0);
    }
  }

  /** Cannot encode anything. */
  static final class BrokenCoder extends CustomCoder<Point> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Point value, OutputStream out) throws IOException {
      throw new IOException("broken on purpose");
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      throw new IOException("broken on purpose");
    }
  }

  static final class ToPoint extends DoFn<Integer, Point> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Integer element, OutputReceiver<Point> out) {
      out.output(new Point(element, element + 1));
    }
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  private static void mutateInput(Pipeline p) {
    List<List<String>> elements = List.of(new ArrayList<>(List.of("a")));
    p.apply(Create.of(elements).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply("MutateInput", ParDo.of(new MutateInput()));
  }

  private static void mutateAfterOutput(Pipeline p) {
    p.apply(Create.of("a", "b")).apply("MutateAfterOutput", ParDo.of(new MutateAfterOutput()));
  }

  private static void lossyCoder(Pipeline p) {
    PCollection<Point> points = p.apply(Create.of(1, 2)).apply("ToPoint", ParDo.of(new ToPoint()));
    points.setCoder(new XOnlyCoder());
  }

  private static void brokenCoder(Pipeline p) {
    PCollection<Point> points = p.apply(Create.of(1, 2)).apply("ToPoint", ParDo.of(new ToPoint()));
    points.setCoder(new BrokenCoder());
  }

  @Test
  void mutatingTheInputFailsTheRunNamingTheTransform() {
    Pipeline p = pipeline();
    mutateInput(p);

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("MutateInput").contains("mutated its input")
        .contains("--enforceImmutability=false");
  }

  @Test
  void mutatingTheInputPassesWithEnforceImmutabilityOff() {
    Pipeline p = pipeline("--enforceImmutability=false");
    mutateInput(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }

  @Test
  void mutatingAnOutputAfterOutputtingItFailsTheRunNamingTheTransform() {
    Pipeline p = pipeline();
    mutateAfterOutput(p);

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("MutateAfterOutput").contains("after outputting it")
        .contains("--enforceImmutability=false");
  }

  @Test
  void mutatingAnOutputAfterOutputtingItPassesWithEnforceImmutabilityOff() {
    Pipeline p = pipeline("--enforceImmutability=false");
    mutateAfterOutput(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }

  @Test
  void aCoderThatLosesDataFailsTheRunNamingTheTransformAndTheCoder() {
    Pipeline p = pipeline();
    lossyCoder(p);

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("ToPoint").contains("XOnlyCoder")
        .contains("Point[x=1, y=2]").contains("Point[x=1, y=0]");
  }

  @Test
  void aCoderThatLosesDataPassesWithEnforceEncodabilityOff() {
    Pipeline p = pipeline("--enforceEncodability=false");
    lossyCoder(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }

  @Test
  void anUnencodableOutputFailsNamingTheTransformAndTheCoderKeepingTheCoderException() {
    Pipeline p = pipeline();
    brokenCoder(p);

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("ToPoint").contains("BrokenCoder")
        .contains("--enforceEncodability=false");
    assertThat(e).hasRootCauseMessage("broken on purpose");
  }

  @Test
  void anUnencodableOutputCheckedOnlyForImmutabilityNamesTheImmutabilityOption() {
    Pipeline p = pipeline("--enforceEncodability=false");
    brokenCoder(p);

    Pipeline.PipelineExecutionException e =
        catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run);

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("ToPoint").contains("BrokenCoder")
        .contains("--enforceImmutability=false");
  }

  @Test
  void anUnencodableOutputPassesWithBothChecksOff() {
    Pipeline p = pipeline("--enforceEncodability=false", "--enforceImmutability=false");
    brokenCoder(p);

    assertThatCode(p::run).doesNotThrowAnyException();
  }
}
