package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import io.runnel.runners.core.WindowedValueCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CustomCoder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coders of elements as they cross stage boundaries: into a stage's chain (its queued
 * bundles) and into a stage root's input. Used to snapshot queued and buffered elements, and in
 * portable mode to pass every element across a boundary as bytes.
 */
final class StageCoders {
  private StageCoders() {}

  /** The coder of the elements of {@code pc} with their timestamps, windows and panes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Coder<WindowedValue<?>> of(PCollection<?> pc) {
    return (Coder) WindowedValueCoder.of(pc.getCoder(),
        pc.getWindowingStrategy().getWindowFn().windowCoder());
  }

  /** The coder of the elements queued for {@code stage}'s chain. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Coder<WindowedValue<?>> chainInput(Stage stage) {
    Step root = stage.root();
    if (root instanceof Step.ParDoStep parDo) {
      if (!parDo.isStateful()) {
        return of(parDo.input());
      }
      PCollection<?> any = parDo.outputs().values().iterator().next();
      return (Coder) WindowedValueCoder.of(new TaggedOutputCoder(parDo.outputs()),
          any.getWindowingStrategy().getWindowFn().windowCoder());
    }
    return of(Stage.outputOf(root));
  }

  /** Encodes a {@link TaggedOutput} as its tag's position among the outputs and its value. */
  static final class TaggedOutputCoder extends CustomCoder<TaggedOutput> {
    private static final long serialVersionUID = 1L;
    private final List<TupleTag<?>> tags = new ArrayList<>();
    private final List<Coder<Object>> coders = new ArrayList<>();

    @SuppressWarnings("unchecked")
    TaggedOutputCoder(Map<TupleTag<?>, PCollection<?>> outputs) {
      outputs.forEach((tag, pc) -> {
        tags.add(tag);
        coders.add((Coder<Object>) pc.getCoder());
      });
    }

    @Override
    public void encode(TaggedOutput value, OutputStream out) throws IOException {
      int index = tags.indexOf(value.tag());
      if (index < 0) {
        throw new CoderException("unknown output tag " + value.tag());
      }
      VarIntCoder.of().encode(index, out);
      coders.get(index).encode(value.value(), out);
    }

    @Override
    public TaggedOutput decode(InputStream in) throws IOException {
      int index = VarIntCoder.of().decode(in);
      return new TaggedOutput(tags.get(index), coders.get(index).decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
