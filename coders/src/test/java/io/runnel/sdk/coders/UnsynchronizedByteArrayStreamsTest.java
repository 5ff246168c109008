package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsynchronizedByteArrayStreamsTest {
  /** Writes the same mix of single bytes and slices to both streams. */
  private static void writeMix(OutputStream out, Random random) throws IOException {
    for (int i = 0; i < 200; i++) {
      if (random.nextBoolean()) {
        out.write(random.nextInt(512) - 256);
      } else {
        byte[] chunk = new byte[random.nextInt(100)];
        random.nextBytes(chunk);
        int offset = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
        out.write(chunk, offset, chunk.length - offset);
      }
    }
  }

  @Test
  void outputStreamWritesWhatTheJdkStreamWrites() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    writeMix(expected, new Random(7));
    UnsynchronizedByteArrayOutputStream actual = new UnsynchronizedByteArrayOutputStream(1);
    writeMix(actual, new Random(7));

    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void inputStreamReadsWhatTheJdkStreamReads() throws IOException {
    byte[] bytes = new byte[5000];
    new Random(11).nextBytes(bytes);
    InputStream expected = new ByteArrayInputStream(bytes);
    InputStream actual = new UnsynchronizedByteArrayInputStream(bytes);
    Random reads = new Random(3);
    while (true) {
      assertThat(actual.available()).isEqualTo(expected.available());
      int kind = reads.nextInt(3);
      if (kind == 0) {
        int b = expected.read();
        assertThat(actual.read()).isEqualTo(b);
        if (b < 0) {
          break;
        }
      } else if (kind == 1) {
        int length = reads.nextInt(64);
        byte[] left = new byte[length + 3];
        byte[] right = new byte[length + 3];
        assertThat(actual.read(right, 3, length)).isEqualTo(expected.read(left, 3, length));
        assertThat(right).isEqualTo(left);
      } else {
        long n = reads.nextInt(40) - 5;
        assertThat(actual.skip(n)).isEqualTo(expected.skip(n));
      }
    }
    assertThat(actual.read(new byte[4], 0, 4)).isEqualTo(-1);
    assertThat(actual.read(new byte[4], 0, 0)).isZero();
  }

  @Test
  void markAndResetRereadBytes() {
    UnsynchronizedByteArrayInputStream in =
        new UnsynchronizedByteArrayInputStream(new byte[] {1, 2, 3});
    in.read();
    in.mark(10);
    in.read();
    in.reset();
    assertThat(in.read()).isEqualTo(2);
  }

  @Test
  void outOfRangeSlicesAreRejected() {
    UnsynchronizedByteArrayOutputStream out = new UnsynchronizedByteArrayOutputStream(4);
    assertThatThrownBy(() -> out.write(new byte[2], 1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    UnsynchronizedByteArrayInputStream in = new UnsynchronizedByteArrayInputStream(new byte[4]);
    assertThatThrownBy(() -> in.read(new byte[2], -1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** A coder that encodes a part of its value to bytes itself, as some composite coders do. */
  private static final class NestingCoder extends AtomicCoder<String> {
    @Override
    public void encode(String value, OutputStream out) throws IOException {
      byte[] inner = CoderUtils.encodeToByteArray(StringOnlyCoder.INSTANCE, value + "!");
      out.write(inner.length);
      out.write(inner);
      out.write(value.length());
    }

    @Override
    public String decode(InputStream in) throws IOException {
      throw new UnsupportedOperationException("encoding only");
    }
  }

  private static final class StringOnlyCoder extends AtomicCoder<String> {
    static final StringOnlyCoder INSTANCE = new StringOnlyCoder();

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      out.write(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void encodingsDoNotShareBytesEvenWhenNestedOrLarge() throws CoderException {
    byte[] first = CoderUtils.encodeToByteArray(StringOnlyCoder.INSTANCE, "first");
    byte[] nested = CoderUtils.encodeToByteArray(new NestingCoder(), "ab");
    byte[] large = CoderUtils.encodeToByteArray(StringOnlyCoder.INSTANCE, "x".repeat(100_000));
    byte[] after = CoderUtils.encodeToByteArray(StringOnlyCoder.INSTANCE, "z");

    assertThat(first).isEqualTo("first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(nested).isEqualTo(new byte[] {3, 'a', 'b', '!', 2});
    assertThat(large).hasSize(100_000);
    assertThat(after).isEqualTo(new byte[] {'z'});
  }

  @Test
  void coderUtilsRoundTripsAndRejectsTrailingBytes() throws CoderException {
    byte[] encoded = CoderUtils.encodeToByteArray(InstantCoder.of(),
        java.time.Instant.ofEpochMilli(123_456_789L));
    assertThat(CoderUtils.decodeFromByteArray(InstantCoder.of(), encoded))
        .isEqualTo(java.time.Instant.ofEpochMilli(123_456_789L));

    byte[] longer = Arrays.copyOf(encoded, encoded.length + 2);
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(InstantCoder.of(), longer))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("left 2 of " + longer.length + " bytes unread");
  }
}
