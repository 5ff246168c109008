package io.runnel.sdk.coders;

import io.runnel.sdk.coders.CannotProvideCoderException.ReasonCode;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.internal.GenericTypes;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Infers the coder of a type, as Beam's {@code CoderRegistry}. For a type the registry looks, in
 * order, for:
 *
 * <ol>
 *   <li>a coder registered for exactly that type ({@link #registerCoderForType});
 *   <li>a coder registered for its raw class ({@link #registerCoderForClass}); the default registry
 *       has String, Integer, Long, Short, Double, Float, Boolean, Byte, byte[], Void, BigInteger,
 *       BigDecimal, Instant and Duration;
 *   <li>the class's {@link DefaultCoder} annotation;
 *   <li>then, with the coders of its type arguments inferred recursively: registered
 *       {@link CoderProvider}s, latest first, then those of the {@link CoderProviderRegistrar}s
 *       on the class path (the default registry's {@code IntervalWindow}, {@code GlobalWindow},
 *       {@code TimestampedValue}); the containers {@code KV}, {@code List}, {@code Iterable},
 *       {@code Collection}, {@code Set}, {@code Map} (and their common JDK implementations) and
 *       {@code Optional}; {@link ProtoCoder} for a protobuf message class; and, as the last resort,
 *       {@link SerializableCoder} for a concrete {@code Serializable} class.
 * </ol>
 *
 * <p>A type variable has no coder, so a type that mentions one fails with a message naming it.
 * Inference runs at pipeline construction. Thread-safe: registration and lookup may interleave.
 */
public final class CoderRegistry {
  private static final String ERASED = "the type was erased (a lambda or a generic DoFn)";

  private final Map<TypeDescriptor<?>, Coder<?>> typeCoders = new ConcurrentHashMap<>();
  private final Map<Class<?>, Coder<?>> classCoders = new ConcurrentHashMap<>();
  private final List<CoderProvider> providers = new CopyOnWriteArrayList<>();

  private CoderRegistry() {}

  /**
   * A registry with the coders of the common classes and the providers of every {@link
   * CoderProviderRegistrar} on the class path (windows, timestamped values, ...); containers and
   * fallbacks always apply.
   */
  public static CoderRegistry createDefault() {
    CoderRegistry registry = new CoderRegistry();
    registry.classCoders.putAll(BuiltInCoders.ATOMIC);
    registry.providers.addAll(REGISTERED_PROVIDERS);
    return registry;
  }

  /** The providers of the registrars found once, in a fixed order (by registrar class name). */
  private static final List<CoderProvider> REGISTERED_PROVIDERS = loadRegistrars();

  private static List<CoderProvider> loadRegistrars() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<CoderProviderRegistrar> registrars = new ArrayList<>();
    java.util.ServiceLoader.load(CoderProviderRegistrar.class,
        loader != null ? loader : CoderRegistry.class.getClassLoader()).forEach(registrars::add);
    registrars.sort(java.util.Comparator.comparing(r -> r.getClass().getName()));
    List<CoderProvider> providers = new ArrayList<>();
    for (CoderProviderRegistrar registrar : registrars) {
      providers.addAll(registrar.getCoderProviders());
    }
    return List.copyOf(providers);
  }

  /** Uses {@code coder} for {@code type} and for every parameterization of it, replacing any other. */
  public void registerCoderForClass(Class<?> type, Coder<?> coder) {
    classCoders.put(CoderPreconditions.checkArgumentNotNull(type, "type"),
        CoderPreconditions.checkArgumentNotNull(coder, "coder"));
  }

  /** Uses {@code coder} for exactly {@code type}, such as {@code KV<String, Long>}, replacing any other. */
  public void registerCoderForType(TypeDescriptor<?> type, Coder<?> coder) {
    typeCoders.put(CoderPreconditions.checkArgumentNotNull(type, "type"),
        CoderPreconditions.checkArgumentNotNull(coder, "coder"));
  }

  /** Consults {@code provider} before the providers registered earlier and the built-in ones. */
  public void registerCoderProvider(CoderProvider provider) {
    providers.add(0, CoderPreconditions.checkArgumentNotNull(provider, "provider"));
  }

  /** The coder of {@code type}; see the class javadoc for the order of the lookups. */
  public <T> Coder<T> getCoder(Class<T> type) throws CannotProvideCoderException {
    return getCoder(TypeDescriptor.of(CoderPreconditions.checkArgumentNotNull(type, "type")));
  }

  /** The coder of {@code type}, inferred recursively through its type arguments. */
  @SuppressWarnings("unchecked")
  public <T> Coder<T> getCoder(TypeDescriptor<T> type) throws CannotProvideCoderException {
    CoderPreconditions.checkArgumentNotNull(type, "type");
    try {
      return (Coder<T>) infer(type.getType());
    } catch (InferenceFailure failure) {
      throw new CannotProvideCoderException(
          "Cannot provide a coder for " + TypeNames.of(type.getType()) + ": " + failure.why, failure.reason);
    }
  }

  /**
   * The coder of {@code type}, whose type variables are bound by {@code inputType} having coder
   * {@code inputCoder}, as Beam's method of this signature: the output coder of a generic {@code
   * DoFn<T, KV<T, T>>} or {@code SimpleFunction<List<T>, T>} comes from its input's coder. A type
   * variable of the input is bound to the coder in its place ({@code T} of {@code List<T>} to
   * the element coder of a {@code ListCoder}), matching a parameterized type's arguments with the
   * coder's {@link Coder#getCoderArguments()} when their numbers agree.
   */
  @SuppressWarnings("unchecked")
  public <InputT, OutputT> Coder<OutputT> getCoder(TypeDescriptor<OutputT> type,
      TypeDescriptor<InputT> inputType, Coder<InputT> inputCoder)
      throws CannotProvideCoderException {
    CoderPreconditions.checkArgumentNotNull(type, "type");
    CoderPreconditions.checkArgumentNotNull(inputType, "inputType");
    CoderPreconditions.checkArgumentNotNull(inputCoder, "inputCoder");
    Map<TypeVariable<?>, Coder<?>> bindings = new java.util.HashMap<>();
    bind(inputType.getType(), inputCoder, bindings);
    try {
      return (Coder<OutputT>) infer(type.getType(), bindings);
    } catch (InferenceFailure failure) {
      throw new CannotProvideCoderException("Cannot provide a coder for "
          + TypeNames.of(type.getType()) + " from input " + TypeNames.of(inputType.getType())
          + " with coder " + inputCoder + ": " + failure.why, failure.reason);
    }
  }

  /** Binds the type variables of {@code type} to the parts of {@code coder} in their place. */
  private static void bind(Type type, Coder<?> coder, Map<TypeVariable<?>, Coder<?>> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      bindings.putIfAbsent(variable, coder);
    } else if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      List<? extends Coder<?>> coderArguments = coder.getCoderArguments();
      if (coderArguments != null && coderArguments.size() == arguments.length) {
        for (int i = 0; i < arguments.length; i++) {
          bind(arguments[i], coderArguments.get(i), bindings);
        }
      }
    }
  }

  private Coder<?> infer(Type type) throws InferenceFailure {
    return infer(type, Map.of());
  }

  private Coder<?> infer(Type type, Map<TypeVariable<?>, Coder<?>> bindings)
      throws InferenceFailure {
    Coder<?> registered = typeCoders.get(TypeDescriptor.of(type));
    if (registered != null) {
      return registered;
    }
    Coder<?> bound = bindings.get(type);
    if (bound != null) {
      return bound;
    }
    if (type instanceof TypeVariable<?> variable) {
      throw new InferenceFailure("no coder for type variable " + variable.getName() + "; " + ERASED,
          ReasonCode.TYPE_ERASURE);
    }
    if (type instanceof WildcardType) {
      throw new InferenceFailure("a wildcard has no coder; use the concrete type", ReasonCode.UNKNOWN);
    }
    if (type instanceof GenericArrayType) {
      // An array of a known component type is a Class; a GenericArrayType mentions a type variable.
      throw new InferenceFailure("no coder for the generic array " + TypeNames.of(type) + "; " + ERASED,
          ReasonCode.TYPE_ERASURE);
    }
    Class<?> raw = GenericTypes.rawType(type);
    Coder<?> coder = classCoders.get(raw);
    if (coder == null) {
      coder = annotated(raw);
    }
    if (coder == null) {
      coder = fromComponents(type, raw, componentCoders(type, raw, bindings));
    }
    return coder;
  }

  private Coder<?> fromComponents(Type type, Class<?> raw, List<Coder<?>> components) throws InferenceFailure {
    TypeDescriptor<?> descriptor = TypeDescriptor.of(type);
    for (CoderProvider provider : providers) {
      try {
        return provider.coderFor(descriptor, components);
      } catch (CannotProvideCoderException declined) {
        // This provider does not handle the type; the next one may.
      }
    }
    Coder<?> coder = BuiltInCoders.container(raw, components);
    if (coder == null) {
      coder = BuiltInCoders.fallback(raw);
    }
    if (coder == null) {
      throw new InferenceFailure(noCoderReason(raw), ReasonCode.UNKNOWN);
    }
    return coder;
  }

  private List<Coder<?>> componentCoders(Type type, Class<?> raw,
      Map<TypeVariable<?>, Coder<?>> bindings) throws InferenceFailure {
    Type[] arguments = type instanceof ParameterizedType p ? p.getActualTypeArguments() : raw.getTypeParameters();
    List<Coder<?>> coders = new ArrayList<>(arguments.length);
    for (Type argument : arguments) {
      try {
        coders.add(infer(argument, bindings));
      } catch (InferenceFailure failure) {
        if (argument instanceof TypeVariable<?>) {
          throw failure;
        }
        throw new InferenceFailure("no coder for type argument " + TypeNames.of(argument) + " of "
            + TypeNames.of(raw) + ": " + failure.why, failure.reason);
      }
    }
    return coders;
  }

  private static Coder<?> annotated(Class<?> raw) throws InferenceFailure {
    try {
      return BuiltInCoders.fromAnnotation(raw);
    } catch (CannotProvideCoderException e) {
      throw new InferenceFailure(e.getMessage(), ReasonCode.UNKNOWN);
    }
  }

  private static String noCoderReason(Class<?> raw) {
    String kind = raw.isInterface() ? "it is an interface" : Modifier.isAbstract(raw.getModifiers())
        ? "it is an abstract class" : "it is neither Serializable nor a protobuf Message";
    String name = raw.getSimpleName();
    return kind + ", has no @DefaultCoder, and no registered coder or CoderProvider handles it;"
        + " register one with registry.registerCoderForClass(" + name + ".class, coder),"
        + " annotate it with @DefaultCoder, or set the coder explicitly with setCoder(...)";
  }

  /** An inference failure below the top level: why, without the "Cannot provide" prefix. */
  private static final class InferenceFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String why;
    private final ReasonCode reason;

    InferenceFailure(String why, ReasonCode reason) {
      super(why, null, false, false);
      this.why = why;
      this.reason = reason;
    }
  }
}
