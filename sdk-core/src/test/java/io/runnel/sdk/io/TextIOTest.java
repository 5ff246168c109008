package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.transforms.Create;
import org.junit.jupiter.api.Test;

/** Construction-time checks; pipelines that run TextIO are tested in the direct runner module. */
class TextIOTest {

  @Test
  void readRejectsABlankPattern() {
    assertThatThrownBy(() -> TextIO.read().from(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TextIO.read().from(filepattern)");
  }

  @Test
  void readWithoutPatternFailsAtApplyNamingTheCall() {
    Pipeline p = Pipeline.create();
    assertThatThrownBy(() -> p.apply(TextIO.read()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".from(");
  }

  @Test
  void readDefaultsToDisallowingEmptyMatches() {
    assertThat(TextIO.read().getEmptyMatchTreatment()).isEqualTo(EmptyMatchTreatment.DISALLOW);
    assertThat(TextIO.read().from("x").withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)
        .getEmptyMatchTreatment()).isEqualTo(EmptyMatchTreatment.ALLOW);
  }

  @Test
  void readDoesNoIoWhenApplied() {
    Pipeline p = Pipeline.create();
    p.apply(TextIO.read().from("/definitely/not/there/*.txt"));
  }

  @Test
  void writeWithoutPrefixFailsAtApplyNamingTheCall() {
    Pipeline p = Pipeline.create();
    assertThatThrownBy(() -> p.apply(Create.of("a")).apply(TextIO.write()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".to(");
  }

  @Test
  void writeRejectsNegativeShardCounts() {
    assertThatThrownBy(() -> TextIO.write().withNumShards(-1)).hasMessageContaining("got -1");
  }

  @Test
  void writeDefaultsToOneShard() {
    assertThat(TextIO.write().to("out").getNumShards()).isEqualTo(1);
    assertThat(TextIO.write().to("out").withNumShards(0).getNumShards()).isEqualTo(1);
    assertThat(TextIO.write().to("out").withNumShards(5).getNumShards()).isEqualTo(5);
  }

  @Test
  void severalShardsWithATemplateWithoutShardIndexAreRejected() {
    Pipeline p = Pipeline.create();
    assertThatThrownBy(() -> p.apply(Create.of("a"))
        .apply(TextIO.write().to("out/x").withNumShards(2).withShardNameTemplate("-of-NN")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same name")
        .hasMessageContaining("withoutSharding()");
  }
}
