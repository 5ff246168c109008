package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.values.KV;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.PaneInfo;
import io.runnel.windowing.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTableTest {
  private static GroupingTable<String, Integer> table() {
    return new GroupingTable<>(StringUtf8Coder.of(), WindowingStrategy.globalDefault());
  }

  private static WindowedValue<KV<String, Integer>> kv(String key, int value) {
    return WindowedValue.valueInGlobalWindow(KV.of(key, value));
  }

  private static List<String> fire(GroupingTable<String, Integer> table, GroupOrder order) {
    List<String> out = new ArrayList<>();
    table.fireAll(group -> out.add(group.getValue().getKey() + "=" + group.getValue().getValue()), order);
    return out;
  }

  @Test
  void groupsKeepArrivalOrderAndMergedTablesFollowInMergeOrder() {
    GroupingTable<String, Integer> first = table();
    first.add(kv("b", 1));
    first.add(kv("a", 2));
    GroupingTable<String, Integer> second = table();
    second.add(kv("a", 3));
    second.add(kv("c", 4));

    first.mergeFrom(second);

    assertThat(fire(first, GroupOrder.arrival())).containsExactly("b=[1]", "a=[2, 3]", "c=[4]");
  }

  @Test
  void firingEmitsOnTimeOnlyPanesInTheirWindowAndEmptiesTheTable() {
    GroupingTable<String, Integer> table = table();
    table.add(kv("a", 1));
    List<WindowedValue<KV<String, Iterable<Integer>>>> out = new ArrayList<>();

    table.fireAll(out::add, GroupOrder.arrival());

    assertThat(out).singleElement().satisfies(group -> {
      assertThat(group.getPane()).isEqualTo(PaneInfo.ON_TIME_AND_ONLY_FIRING);
      assertThat(List.copyOf(group.getWindows())).isEqualTo(List.of(GlobalWindow.INSTANCE));
    });
    assertThat(table.size()).isZero();
  }

  @Test
  void aSeededOrderPermutesReproducibly() {
    String seededOnce = String.join(";", fire(filledTable(), GroupOrder.shuffled(3)));
    String seededAgain = String.join(";", fire(filledTable(), GroupOrder.shuffled(3)));
    String arrival = String.join(";", fire(filledTable(), GroupOrder.arrival()));

    assertThat(seededAgain).isEqualTo(seededOnce);
    assertThat(seededOnce).isNotEqualTo(arrival);
  }

  @Test
  void aSeededOrderKeepsEveryValueOfEveryGroup() {
    List<Integer> values = new ArrayList<>();
    filledTable().fireAll(group -> group.getValue().getValue().forEach(values::add), GroupOrder.shuffled(3));

    assertThat(values).hasSize(50).doesNotHaveDuplicates();
  }

  private static GroupingTable<String, Integer> filledTable() {
    GroupingTable<String, Integer> table = table();
    for (int i = 0; i < 50; i++) {
      table.add(kv("k" + i % 5, i));
    }
    return table;
  }
}
