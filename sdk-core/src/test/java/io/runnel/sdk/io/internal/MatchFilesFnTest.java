package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import org.junit.jupiter.api.Test;

class MatchFilesFnTest {

  @Test
  void noMatchMessageNamesThePatternAndTheFix() {
    String message = MatchFilesFn.noMatchMessage(FileGlob.parse("/no/such/dir/*.txt"),
        EmptyMatchTreatment.DISALLOW);
    assertThat(message)
        .contains("'/no/such/dir/*.txt'")
        .contains("/no/such/dir, which does not exist")
        .contains(".withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)");
  }
}
