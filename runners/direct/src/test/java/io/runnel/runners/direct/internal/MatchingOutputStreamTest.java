package io.runnel.runners.direct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchingOutputStreamTest {
  private static final byte[] EXPECTED = {1, 2, 3, 4, 5};

  @Test
  void matchesExactlyTheExpectedBytesWrittenInAnyPieces() {
    MatchingOutputStream out = new MatchingOutputStream(EXPECTED);
    out.write(1);
    out.write(new byte[] {9, 2, 3, 9}, 1, 2);
    assertThat(out.matchedAll()).as("a prefix is not all").isFalse();
    out.write(new byte[] {4, 5}, 0, 2);
    assertThat(out.matchedAll()).isTrue();
  }

  @Test
  void aDifferentByteALongerOrAShorterEncodingDoNotMatch() {
    MatchingOutputStream different = new MatchingOutputStream(EXPECTED);
    different.write(new byte[] {1, 2, 7, 4, 5}, 0, 5);
    assertThat(different.matchedAll()).isFalse();

    MatchingOutputStream longer = new MatchingOutputStream(EXPECTED);
    longer.write(EXPECTED, 0, 5);
    longer.write(6);
    assertThat(longer.matchedAll()).isFalse();

    MatchingOutputStream longerSlice = new MatchingOutputStream(EXPECTED);
    longerSlice.write(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
    assertThat(longerSlice.matchedAll()).isFalse();

    MatchingOutputStream mismatchThenRest = new MatchingOutputStream(EXPECTED);
    mismatchThenRest.write(0);
    mismatchThenRest.write(EXPECTED, 1, 4);
    assertThat(mismatchThenRest.matchedAll()).isFalse();
  }
}
