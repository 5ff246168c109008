package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The direct runner gives the same outputs in the same order on every run, whatever its
 * parallelism; a seed changes the order the model leaves open, reproducibly.
 */
class DirectRunnerDeterminismTest {
  /** Runs the pipeline with {@code args} and returns its output in the order it was produced. */
  private static List<String> runAndObserveOrder(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    List<String> input = new ArrayList<>();
    IntStream.range(0, 10_000).forEach(i -> input.add("e" + i));
    PCollection<String> joined = p.apply(Create.of(input))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new OutputOrder.KeyByRemainder(100)))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new OutputOrder.JoinInGivenOrder()));
    List<String> order = OutputOrder.runAndObserve(p, joined);
    assertThat(order).as("the output of one run").hasSize(100);
    return order;
  }

  @Test
  void repeatedRunsGiveTheSameOrderedOutput() {
    List<String> first = runAndObserveOrder("--directBundleSize=7");

    assertThat(runAndObserveOrder("--directBundleSize=7")).isEqualTo(first);
    assertThat(runAndObserveOrder("--directBundleSize=7")).isEqualTo(first);
  }

  @Test
  void parallelismDoesNotChangeTheOrderedOutput() {
    List<String> oneThread = runAndObserveOrder("--directParallelism=1", "--directBundleSize=7");

    assertThat(runAndObserveOrder("--directParallelism=2", "--directBundleSize=7")).isEqualTo(oneThread);
    assertThat(runAndObserveOrder("--directParallelism=4", "--directBundleSize=7")).isEqualTo(oneThread);
  }

  @Test
  void theSameSeedGivesTheSameOrderedOutput() {
    List<String> first = runAndObserveOrder("--directSeed=17", "--directParallelism=4");

    assertThat(runAndObserveOrder("--directSeed=17", "--directParallelism=1")).isEqualTo(first);
    assertThat(runAndObserveOrder("--directSeed=17", "--directParallelism=4")).isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentOrdersOfTheSameElements() {
    List<String> seeded = runAndObserveOrder("--directSeed=1");
    List<List<String>> others = new ArrayList<>();
    for (long seed = 2; seed <= 4; seed++) {
      others.add(runAndObserveOrder("--directSeed=" + seed));
    }

    assertThat(others).anySatisfy(other -> assertThat(other).isNotEqualTo(seeded));
    assertThat(others).allSatisfy(other -> assertThat(groupsAsSets(other)).isEqualTo(groupsAsSets(seeded)));
  }

  @Test
  void aSeedReordersValuesWithinGroupsComparedToArrivalOrder() {
    List<String> arrival = runAndObserveOrder();
    List<String> seeded = runAndObserveOrder("--directSeed=5");

    assertThat(groupsAsSets(seeded)).isEqualTo(groupsAsSets(arrival));
    assertThat(sortedGroups(seeded)).isNotEqualTo(sortedGroups(arrival));
  }

  /** Each group as a key and the set of its values: what every order must agree on. */
  private static Map<String, java.util.Set<String>> groupsAsSets(List<String> joined) {
    Map<String, java.util.Set<String>> groups = new java.util.TreeMap<>();
    for (String group : joined) {
      String[] keyAndValues = group.split("=", 2);
      groups.put(keyAndValues[0], new java.util.TreeSet<>(List.of(keyAndValues[1].split(","))));
    }
    return groups;
  }

  /** The groups sorted by key, keeping the order of values within each group. */
  private static List<String> sortedGroups(List<String> joined) {
    List<String> sorted = new ArrayList<>(joined);
    sorted.sort(null);
    return sorted;
  }
}
