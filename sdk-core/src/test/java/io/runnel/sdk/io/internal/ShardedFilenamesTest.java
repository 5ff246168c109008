package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShardedFilenamesTest {

  @Test
  void defaultTemplateZeroPadsShardAndCount() {
    ShardedFilenames names = new ShardedFilenames("out/counts", "-SSSSS-of-NNNNN", ".txt");
    assertThat(names.fileName(2, 3)).isEqualTo("counts-00002-of-00003.txt");
  }

  @Test
  void numbersWiderThanTheRunAreNotCut() {
    assertThat(ShardedFilenames.expandTemplate("-SS-of-NN", 123, 456)).isEqualTo("-123-of-456");
  }

  @Test
  void everyRunIsReplacedAndOtherCharactersKept() {
    assertThat(ShardedFilenames.expandTemplate("_S.x.N_SSS", 4, 7)).isEqualTo("_4.x.7_004");
  }

  @Test
  void emptyTemplateGivesPrefixAndSuffix() {
    ShardedFilenames names = new ShardedFilenames("/data/result", "", ".csv");
    assertThat(names.fileName(0, 1)).isEqualTo("result.csv");
    assertThat(names.distinguishesShards()).isFalse();
  }

  @Test
  void directoryIsTheAbsoluteParentOfThePrefix() {
    ShardedFilenames names = new ShardedFilenames("/data/x/../result", "-S", "");
    assertThat(names.directory()).isEqualTo(Path.of("/data"));
    assertThat(names.path(1, 2)).isEqualTo(Path.of("/data/result-1"));
  }

  @Test
  void relativePrefixResolvesAgainstTheWorkingDirectory() {
    ShardedFilenames names = new ShardedFilenames("target/wc/counts", "", "");
    assertThat(names.directory()).isEqualTo(Path.of("target/wc").toAbsolutePath());
  }

  @Test
  void prefixEndingInSlashIsADirectoryWithEmptyFilePrefix() {
    ShardedFilenames names = new ShardedFilenames("/data/out/", "part-SS", ".txt");
    assertThat(names.directory()).isEqualTo(Path.of("/data/out"));
    assertThat(names.fileName(3, 4)).isEqualTo("part-03.txt");
  }

  @Test
  void emptyPrefixIsRejected() {
    assertThatThrownBy(() -> new ShardedFilenames("", "", "")).hasMessageContaining("prefix");
  }
}
