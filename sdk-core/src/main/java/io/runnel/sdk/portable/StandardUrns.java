package io.runnel.sdk.portable;

/**
 * The URNs of the portable pipeline representation ({@code runnel.v1}): what a {@code
 * FunctionSpec} is and how to read its payload. URNs are part of the wire format: never change
 * one; add a new version ({@code :v2}) instead.
 */
public final class StandardUrns {
  private StandardUrns() {}

  /** Transforms ({@code PTransform.spec}). */
  public static final class Transforms {
    private Transforms() {}

    /** Primitive: one empty byte array in the global window. No payload. */
    public static final String IMPULSE = "runnel:transform:impulse:v1";
    /** Primitive: a DoFn per element. Payload: {@code ParDoPayload}. */
    public static final String PAR_DO = "runnel:transform:pardo:v1";
    /** Primitive: group by key and window. No payload. */
    public static final String GROUP_BY_KEY = "runnel:transform:group_by_key:v1";
    /**
     * Primitive: group by key and window, with a second output for the elements dropped as late
     * ({@code GroupByKey.withDroppedLateData}). Payload: the late output's tag id, in UTF-8; the
     * grouped output's tag id is "grouped".
     */
    public static final String GROUP_BY_KEY_WITH_DROPPED_LATE_DATA =
        "runnel:transform:group_by_key_with_dropped_late_data:v1";
    /** Primitive: merge collections. No payload. */
    public static final String FLATTEN = "runnel:transform:flatten:v1";
    /** Primitive: make a collection readable as a side input. No payload; see the output view. */
    public static final String CREATE_VIEW = "runnel:transform:create_view:v1";
    /** Primitive: read a source. Payload: {@code ReadPayload}. */
    public static final String READ = "runnel:transform:read:v1";
    /** Primitive: a scripted test source. Payload: {@code TestStreamPayload}. */
    public static final String TEST_STREAM = "runnel:transform:test_stream:v1";
    /** Composite runners may lift: {@code Combine.perKey}. Payload: {@code CombinePayload}. */
    public static final String COMBINE_PER_KEY = "runnel:transform:combine_per_key:v1";
    /** Composite runners may replace: {@code Reshuffle.of()}. No payload. */
    public static final String RESHUFFLE = "runnel:transform:reshuffle:v1";
    /**
     * Any other composite. Payload: the Java-serialized {@code PTransform}, or empty when it is
     * not serializable. Runners execute its subtransforms.
     */
    public static final String COMPOSITE = "runnel:transform:composite:v1";
    /**
     * A Java primitive without a standard form (no subtransforms). Payload: the Java-serialized
     * {@code PTransform}; only a Java runner that knows its class can execute it.
     */
    public static final String JAVA_SERIALIZED = "runnel:transform:java_serialized:v1";
  }

  /** Coders ({@code Coder.spec}); standard coders have no payload, only components. */
  public static final class Coders {
    private Coders() {}

    public static final String BYTES = "runnel:coder:bytes:v1";
    public static final String STRING_UTF8 = "runnel:coder:string_utf8:v1";
    public static final String VARINT = "runnel:coder:varint:v1";
    public static final String VARLONG = "runnel:coder:varlong:v1";
    public static final String BIG_ENDIAN_INT = "runnel:coder:big_endian_int:v1";
    public static final String BIG_ENDIAN_LONG = "runnel:coder:big_endian_long:v1";
    public static final String BYTE = "runnel:coder:byte:v1";
    public static final String DOUBLE = "runnel:coder:double:v1";
    public static final String FLOAT = "runnel:coder:float:v1";
    public static final String BOOL = "runnel:coder:bool:v1";
    public static final String VOID = "runnel:coder:void:v1";
    public static final String INSTANT = "runnel:coder:instant:v1";
    public static final String DURATION = "runnel:coder:duration:v1";
    /** Components: key, value. */
    public static final String KV = "runnel:coder:kv:v1";
    /** Components: element. */
    public static final String ITERABLE = "runnel:coder:iterable:v1";
    /** Components: element. */
    public static final String LIST = "runnel:coder:list:v1";
    /** Components: element. */
    public static final String SET = "runnel:coder:set:v1";
    /** Components: key, value. */
    public static final String MAP = "runnel:coder:map:v1";
    /** Components: the coder of non-null values. */
    public static final String NULLABLE = "runnel:coder:nullable:v1";
    public static final String GLOBAL_WINDOW = "runnel:coder:global_window:v1";
    public static final String INTERVAL_WINDOW = "runnel:coder:interval_window:v1";
    /** Payload: the Java-serialized coder. No components. */
    public static final String JAVA_SERIALIZED = "runnel:coder:java_serialized:v1";
  }

  /** Window functions ({@code WindowingStrategy.window_fn}). */
  public static final class WindowFns {
    private WindowFns() {}

    public static final String GLOBAL = "runnel:window_fn:global:v1";
    /** Payload: {@code FixedWindowsPayload}. */
    public static final String FIXED = "runnel:window_fn:fixed:v1";
    /** Payload: {@code SlidingWindowsPayload}. */
    public static final String SLIDING = "runnel:window_fn:sliding:v1";
    /** Payload: {@code SessionsPayload}. */
    public static final String SESSIONS = "runnel:window_fn:sessions:v1";
    /** Payload: {@code CalendarWindowsPayload}. */
    public static final String CALENDAR = "runnel:window_fn:calendar:v1";
    /** Payload: the Java-serialized {@code WindowFn}. */
    public static final String JAVA_SERIALIZED = "runnel:window_fn:java_serialized:v1";
  }

  /** User functions held in payloads; each payload is the Java-serialized object. */
  public static final class Functions {
    private Functions() {}

    public static final String DO_FN = "runnel:do_fn:java_serialized:v1";
    public static final String COMBINE_FN = "runnel:combine_fn:java_serialized:v1";
    public static final String VIEW_FN = "runnel:view_fn:java_serialized:v1";
    public static final String SOURCE = "runnel:source:java_serialized:v1";
  }

  /** Environments ({@code Environment.urn}). */
  public static final class Environments {
    private Environments() {}

    /** A JVM with the pipeline's classes. Payload: {@code JavaEnvironmentPayload}. */
    public static final String JAVA = "runnel:environment:java:v1";
  }
}
