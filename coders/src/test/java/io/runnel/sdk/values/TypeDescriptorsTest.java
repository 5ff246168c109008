package io.runnel.sdk.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeDescriptorsTest {

  @Test
  void describesTheBoxedAtomicTypes() {
    assertThat(TypeDescriptors.strings().getType()).isEqualTo(String.class);
    assertThat(TypeDescriptors.integers().getType()).isEqualTo(Integer.class);
    assertThat(TypeDescriptors.longs().getType()).isEqualTo(Long.class);
    assertThat(TypeDescriptors.doubles().getType()).isEqualTo(Double.class);
    assertThat(TypeDescriptors.booleans().getType()).isEqualTo(Boolean.class);
    assertThat(TypeDescriptors.nulls().getType()).isEqualTo(Void.class);
    assertThat(TypeDescriptors.voids()).isEqualTo(TypeDescriptors.nulls());
  }

  @Test
  void composesContainersEqualToCapturedTypes() {
    TypeDescriptor<Long> longs = TypeDescriptors.longs();
    assertThat(TypeDescriptors.lists(longs)).isEqualTo(new TypeDescriptor<List<Long>>() {});
    assertThat(TypeDescriptors.iterables(longs)).isEqualTo(new TypeDescriptor<Iterable<Long>>() {});
    assertThat(TypeDescriptors.sets(longs)).isEqualTo(new TypeDescriptor<Set<Long>>() {});
    assertThat(TypeDescriptors.maps(TypeDescriptors.strings(), TypeDescriptors.lists(longs)))
        .isEqualTo(new TypeDescriptor<Map<String, List<Long>>>() {});
  }

  @Test
  void printsLikeTheJdk() {
    assertThat(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
        .hasToString(new TypeDescriptor<KV<String, Long>>() {}.toString());
  }
}
