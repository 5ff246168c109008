package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobTest {
  @TempDir Path dir;

  @BeforeEach
  void createFiles() throws IOException {
    for (String name : List.of("a.txt", "b.txt", "ab.csv", "sub/c.txt", "sub/deeper/d.txt", "sub/e.log")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, name);
    }
  }

  @Test
  void starMatchesWithinOneDirectory() {
    assertThat(names("*.txt")).containsExactly("a.txt", "b.txt");
  }

  @Test
  void questionMarkMatchesOneCharacter() {
    assertThat(names("?.txt")).containsExactly("a.txt", "b.txt");
    assertThat(names("??.csv")).containsExactly("ab.csv");
  }

  @Test
  void doubleStarCrossesDirectoriesAndMatchesNoneToo() {
    assertThat(names("**/*.txt"))
        .containsExactly("a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt");
    assertThat(names("sub/**/*.txt")).containsExactly("sub/c.txt", "sub/deeper/d.txt");
  }

  @Test
  void bracesAndWildcardsInTheMiddleOfThePath() {
    assertThat(names("*/*.{txt,log}")).containsExactly("sub/c.txt", "sub/e.log");
  }

  @Test
  void plainPathMatchesThatFile() {
    assertThat(names("sub/c.txt")).containsExactly("sub/c.txt");
    assertThat(FileGlob.parse(dir + "/sub/c.txt").isWildcard()).isFalse();
  }

  @Test
  void directoriesNeverMatch() {
    assertThat(names("*")).containsExactly("a.txt", "ab.csv", "b.txt");
  }

  @Test
  void plainPathNamingADirectoryIsAnErrorSuggestingAGlob() {
    assertThatThrownBy(() -> FileGlob.parse(dir + "/sub").match())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir + "/sub/*");
  }

  @Test
  void missingFileOrBaseDirectoryMatchesNothing() {
    assertThat(names("nope.txt")).isEmpty();
    assertThat(names("nope/*.txt")).isEmpty();
  }

  @Test
  void baseDirectoryIsTheLongestPrefixWithoutWildcards() {
    FileGlob glob = FileGlob.parse(dir + "/sub/*/d.txt");
    assertThat(glob.baseDirectory()).isEqualTo(dir.resolve("sub"));
    assertThat(glob.isWildcard()).isTrue();
  }

  @Test
  void relativePatternResolvesAgainstTheWorkingDirectory() {
    assertThat(FileGlob.parse("*.txt").baseDirectory()).isEqualTo(Path.of("").toAbsolutePath());
  }

  @Test
  void variantsDropEachDoubleStarSlash() {
    assertThat(FileGlob.variants("a/**/b/**/*.txt")).containsExactlyInAnyOrder(
        "a/**/b/**/*.txt", "a/**/b/*.txt", "a/b/**/*.txt", "a/b/*.txt");
  }

  @Test
  void blankPatternIsRejected() {
    assertThatThrownBy(() -> FileGlob.parse(" ")).hasMessageContaining("must not be empty");
  }

  private List<String> names(String relativePattern) {
    return FileGlob.parse(dir + "/" + relativePattern).match().stream()
        .map(p -> dir.relativize(p).toString())
        .toList();
  }
}
