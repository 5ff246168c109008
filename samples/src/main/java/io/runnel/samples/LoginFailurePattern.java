package io.runnel.samples;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Raises one alert per burst of login failures after a successful login, with a small per-user
 * state machine (state and event-time timers, no CEP library). Each input line is one attempt,
 * {@code user,SUCCESS|FAILURE,eventTimeMillis}. Run it from the repository root with
 *
 * <pre>{@code
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LoginFailurePattern
 * mvn -q -pl samples -am test-compile exec:java -Dexec.mainClass=io.runnel.samples.LoginFailurePattern \
 *     -Dexec.args="--input=/data/logins.csv --output=/tmp/bursts"
 * }</pre>
 *
 * <p>Without {@code --input} it checks the attempts of {@link #generatedEvents} (fixed seed); it
 * writes {@code target/logins/bursts-*.txt} and prints every alert, sorted.
 *
 * <h2>A burst, exactly</h2>
 *
 * A user's attempts are taken in <em>user order</em>: event time, successes before failures at
 * the same millisecond. Each successful login at {@code t} opens the user's <em>burst window</em>
 * {@code [t, t + 5 min)}, closing any window still open; a window also closes at its end. The
 * <em>burst</em> of a window is the failures that come after its login in user order while it is
 * open. A window whose burst has 3 or more failures raises exactly one alert when it closes:
 *
 * <pre>{@code
 * BURST ana: login at 2024-03-01T09:00:00Z, then 3 failures from 2024-03-01T09:01:00Z to
 *     2024-03-01T09:02:00Z   (one line)
 * }</pre>
 *
 * So 2 failures raise nothing; a failure exactly 5 minutes after the login is outside; failures
 * with no open window (before any login, or more than 5 minutes after the last) count for nothing;
 * and a successful login in the middle of failures splits them into two windows, each judged on
 * its own (the user proved to know the password). The alert is emitted when the window closes:
 * by a later successful login (when the watermark passes that login), or once the watermark passes
 * {@code t + 5 min}; it then carries the complete burst, which an alert on the third failure could
 * not, at the cost of up to 5 minutes of event-time latency.
 *
 * <h2>Why buffer in an ordered list</h2>
 *
 * A state machine must see each user's attempts in event-time order, and they can arrive in any
 * order within and across bundles. The two ways are to buffer every attempt in {@link
 * OrderedListState} and release them when the watermark passes, or to keep a sorted copy in a
 * {@code BagState} and re-sort it on every timer. The ordered list is chosen: it keeps attempts
 * sorted by event time as they are added, so a release reads exactly the range that is due ({@code
 * readRange}) and drops it ({@code clearRange}) without decoding the rest, where a bag would be
 * read and re-written in full each time. An event-time timer at the earliest waiting attempt
 * releases every attempt up to its time (once the watermark is past it, no earlier attempt can be
 * on time), then re-arms at the next waiting one. An attempt that arrives behind the watermark,
 * after the user's attempts at or after its time were already released, is dropped.
 */
public final class LoginFailurePattern {
  /** How long after a successful login failures count towards its burst. */
  static final Duration BURST_WINDOW = Duration.ofMinutes(5);
  /** A burst of at least this many failures raises an alert. */
  static final int MIN_FAILURES = 3;
  /** The seed of the generated default input. */
  static final long GENERATED_SEED = 20240301L;
  /** How many sessions the generated default input holds. */
  static final int GENERATED_SESSIONS = 120;

  private static final String[] USERS = {"ana", "ben", "chen", "dara", "eli"};
  private static final Instant GENERATED_START = Instant.parse("2024-03-01T08:00:00Z");
  private static final Duration GENERATED_SPAN = Duration.ofHours(4);

  private LoginFailurePattern() {}

  /** The alert line of the class javadoc. */
  static String alertLine(String user, long loginMillis, List<Long> failureMillis) {
    return "BURST " + user + ": login at " + Instant.ofEpochMilli(loginMillis) + ", then "
        + failureMillis.size() + " failures from " + Instant.ofEpochMilli(failureMillis.get(0)) + " to "
        + Instant.ofEpochMilli(failureMillis.get(failureMillis.size() - 1));
  }

  /** The per-user state machine of the class javadoc: input keyed by user, output alert lines. */
  static final class DetectBurstsFn extends DoFn<KV<String, LoginEvent>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("pending")
    private final StateSpec<OrderedListState<LoginEvent>> pendingSpec =
        StateSpecs.orderedList(LoginEvent.LoginEventCoder.of());
    @StateId("releaseAt")
    private final StateSpec<ValueState<Long>> releaseAtSpec = StateSpecs.value(VarLongCoder.of());
    @StateId("releasedUpTo")
    private final StateSpec<ValueState<Long>> releasedUpToSpec = StateSpecs.value(VarLongCoder.of());
    @StateId("loginAt")
    private final StateSpec<ValueState<Long>> loginAtSpec = StateSpecs.value(VarLongCoder.of());
    @StateId("failures")
    private final StateSpec<BagState<Long>> failuresSpec = StateSpecs.bag(VarLongCoder.of());
    @TimerId("release")
    private final TimerSpec releaseSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);
    @TimerId("close")
    private final TimerSpec closeSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<String, LoginEvent> element,
        @StateId("pending") OrderedListState<LoginEvent> pending,
        @StateId("releaseAt") ValueState<Long> releaseAt,
        @StateId("releasedUpTo") ValueState<Long> releasedUpTo, @TimerId("release") Timer release) {
      LoginEvent event = element.getValue();
      Long released = releasedUpTo.read();
      if (released != null && event.eventTimeMillis() <= released) {
        return;
      }
      pending.add(TimestampedValue.of(event, event.eventTime()));
      Long due = releaseAt.read();
      if (due == null || event.eventTimeMillis() < due) {
        release.set(event.eventTime());
        releaseAt.write(event.eventTimeMillis());
      }
    }

    /** Runs the waiting attempts up to the firing time through the machine, then re-arms. */
    @OnTimer("release")
    public void onRelease(@Key String user, OnTimerContext c,
        @StateId("pending") OrderedListState<LoginEvent> pending,
        @StateId("releaseAt") ValueState<Long> releaseAt,
        @StateId("releasedUpTo") ValueState<Long> releasedUpTo, @StateId("loginAt") ValueState<Long> loginAt,
        @StateId("failures") BagState<Long> failures, @TimerId("release") Timer release,
        @TimerId("close") Timer close) {
      Instant limit = c.fireTimestamp().plusMillis(1);
      List<LoginEvent> due = new ArrayList<>();
      pending.readRange(BoundedWindow.TIMESTAMP_MIN_VALUE, limit).forEach(v -> due.add(v.getValue()));
      pending.clearRange(BoundedWindow.TIMESTAMP_MIN_VALUE, limit);
      due.sort(LoginEvent.USER_ORDER);
      for (LoginEvent event : due) {
        step(user, event, c::output, loginAt, failures, close);
      }
      releasedUpTo.write(c.fireTimestamp().toEpochMilli());
      var next = pending.read().iterator();
      if (next.hasNext()) {
        Instant at = next.next().getTimestamp();
        release.set(at);
        releaseAt.write(at.toEpochMilli());
      } else {
        releaseAt.clear();
      }
    }

    /** Closes the window at its end, unless a later login closed it already. */
    @OnTimer("close")
    public void onClose(@Key String user, OnTimerContext c, @StateId("loginAt") ValueState<Long> loginAt,
        @StateId("failures") BagState<Long> failures) {
      Long login = loginAt.read();
      if (login != null && login + BURST_WINDOW.toMillis() <= c.fireTimestamp().toEpochMilli()) {
        closeWindow(user, c::output, loginAt, failures);
      }
    }

    private static void step(String user, LoginEvent event, Consumer<String> out, ValueState<Long> loginAt,
        BagState<Long> failures, Timer close) {
      Long login = loginAt.read();
      // The close timer may tie with this release; checking the end here keeps an attempt at
      // exactly the end out of the window whichever fires first.
      if (login != null && event.eventTimeMillis() >= login + BURST_WINDOW.toMillis()) {
        closeWindow(user, out, loginAt, failures);
        login = null;
      }
      if (event.success()) {
        closeWindow(user, out, loginAt, failures);
        loginAt.write(event.eventTimeMillis());
        close.set(event.eventTime().plus(BURST_WINDOW));
      } else if (login != null) {
        failures.add(event.eventTimeMillis());
      }
    }

    private static void closeWindow(String user, Consumer<String> out, ValueState<Long> loginAt,
        BagState<Long> failures) {
      Long login = loginAt.read();
      if (login == null) {
        return;
      }
      List<Long> times = new ArrayList<>();
      failures.read().forEach(times::add);
      times.sort(null);
      if (times.size() >= MIN_FAILURES) {
        out.accept(alertLine(user, login, times));
      }
      loginAt.clear();
      failures.clear();
    }
  }

  /** Keys attempts by user and runs each user's state machine; see the class javadoc. */
  public static final class DetectBursts extends PTransform<PCollection<LoginEvent>, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PCollection<LoginEvent> events) {
      return events
          .apply("ByUser", WithKeys.of(LoginEvent::user).withKeyType(TypeDescriptors.strings()))
          .apply("StateMachine", ParDo.of(new DetectBurstsFn()));
    }
  }

  /** The options of {@link LoginFailurePattern}. */
  public interface LoginFailureOptions extends PipelineOptions {
    @Description("File or glob of login attempts, one user,SUCCESS|FAILURE,eventTimeMillis line each."
        + " Unset: attempts generated from a fixed seed.")
    String getInput();

    void setInput(String value);

    @Description("Prefix of the output files, one alert per line.")
    @Default.String("target/logins/bursts")
    String getOutput();

    void setOutput(String value);
  }

  /**
   * The default input: {@value #GENERATED_SESSIONS} sessions of five users over four hours from
   * 2024-03-01T08:00Z, at whole seconds. A session is an optional successful login followed by 0
   * to 5 failures 10 to 120 seconds apart, so some bursts are long enough, some too slow or too
   * short, and some failures have no login before them. The same list on every call and every JVM.
   */
  public static List<LoginEvent> generatedEvents() {
    Random random = new Random(GENERATED_SEED);
    List<LoginEvent> events = new ArrayList<>();
    for (int session = 0; session < GENERATED_SESSIONS; session++) {
      String user = USERS[random.nextInt(USERS.length)];
      long at = GENERATED_START.plusSeconds(random.nextInt((int) GENERATED_SPAN.toSeconds())).toEpochMilli();
      if (random.nextInt(4) != 0) {
        events.add(new LoginEvent(user, true, at));
      }
      int failures = random.nextInt(6);
      for (int k = 0; k < failures; k++) {
        at += 1000L * (10 + random.nextInt(111));
        events.add(new LoginEvent(user, false, at));
      }
    }
    return events;
  }

  /** The login-failure pipeline for {@code options}, built but not run. */
  public static Pipeline buildPipeline(LoginFailureOptions options) {
    Pipeline p = Pipeline.create(options);
    PCollection<String> lines = options.getInput() == null
        ? p.apply("GenerateEvents", Create.of(generatedEvents().stream().map(LoginEvent::toCsv).toList()))
        : p.apply("ReadEvents", TextIO.read().from(options.getInput()));
    lines.apply("ParseEvents", MapElements.into(TypeDescriptor.of(LoginEvent.class)).via(LoginEvent::parse))
        .apply("EventTimestamps", WithTimestamps.of(LoginEvent::eventTime))
        .apply("DetectBursts", new DetectBursts())
        .apply("WriteAlerts", TextIO.write().to(options.getOutput()).withSuffix(".txt"));
    return p;
  }

  /** Builds and runs the pipeline, waits for it, and returns the files written, sorted. */
  public static List<Path> runLoginFailurePattern(LoginFailureOptions options) {
    buildPipeline(options).run().waitUntilFinish();
    return SampleOutput.files(options.getOutput());
  }

  /** Runs the pipeline and prints, for each file written, its name and its alerts sorted. */
  public static void main(String[] args) throws IOException {
    LoginFailureOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(LoginFailureOptions.class);
    } catch (PipelineOptionsFactory.HelpRequestedException help) {
      System.out.print(help.getHelpText());
      return;
    }
    for (Path file : runLoginFailurePattern(options)) {
      System.out.println("Wrote " + file);
      for (String line : Files.readAllLines(file).stream().sorted().toList()) {
        System.out.println("  " + line);
      }
    }
  }
}
