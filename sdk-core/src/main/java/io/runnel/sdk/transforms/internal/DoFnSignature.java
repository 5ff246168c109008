package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.TypeDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The annotated methods of a {@link DoFn} class, what each of their parameters asks for, and the
 * class's state and timer declarations, found once per class with reflection and checked at
 * pipeline construction. Runners build invokers from it; nothing here runs per element.
 * Immutable and thread-safe.
 *
 * @param fnClass the analysed class
 * @param processElement the {@code @ProcessElement} method (never null)
 * @param startBundle the {@code @StartBundle} method, or null
 * @param finishBundle the {@code @FinishBundle} method, or null
 * @param setup the {@code @Setup} method, or null
 * @param teardown the {@code @Teardown} method, or null
 * @param stateDeclarations the {@code @StateId} fields by id, in declaration order
 * @param timerDeclarations the {@code @TimerId} fields by id, in declaration order
 * @param timerFamilyDeclarations the {@code @TimerFamily} fields by id, in declaration order
 * @param onTimerMethods the {@code @OnTimer} method of each timer, by timer id
 * @param onTimerFamilyMethods the {@code @OnTimerFamily} method of each family, by family id
 * @param onWindowExpiration the {@code @OnWindowExpiration} method, or null
 */
public record DoFnSignature(
    Class<?> fnClass,
    MethodSignature processElement,
    MethodSignature startBundle,
    MethodSignature finishBundle,
    MethodSignature setup,
    MethodSignature teardown,
    Map<String, StateDeclaration> stateDeclarations,
    Map<String, TimerDeclaration> timerDeclarations,
    Map<String, TimerDeclaration> timerFamilyDeclarations,
    Map<String, MethodSignature> onTimerMethods,
    Map<String, MethodSignature> onTimerFamilyMethods,
    MethodSignature onWindowExpiration) {

  private static final Map<Class<?>, DoFnSignature> CACHE = new ConcurrentHashMap<>();

  /** An annotated method and its parameters, in declaration order. */
  public record MethodSignature(Method method, List<DoFnParameter> parameters) {
    /** Whether any parameter is of {@code kind}. */
    public boolean uses(DoFnParameter.Kind kind) {
      return parameters.stream().anyMatch(p -> p.kind() == kind);
    }

    /**
     * Whether the method is annotated {@code @RequiresStableInput} (allowed, as in Beam, on
     * {@code @ProcessElement}, {@code @OnTimer}, {@code @OnTimerFamily} and {@code
     * @OnWindowExpiration} methods).
     */
    public boolean requiresStableInput() {
      return method.isAnnotationPresent(DoFn.RequiresStableInput.class);
    }
  }

  /**
   * A {@code @StateId} field.
   *
   * @param id the state id
   * @param field the field, made accessible
   * @param stateType the declared kind of state, such as {@code ValueState<Long>}, with the
   *     class's type arguments substituted
   */
  public record StateDeclaration(String id, Field field, TypeDescriptor<?> stateType) {
    /** The spec this declaration holds in {@code fn}. */
    public StateSpec<?> spec(DoFn<?, ?> fn) {
      return (StateSpec<?>) read(field, fn);
    }

    /** The type arguments of {@link #stateType()}: {@code [Long]} for {@code ValueState<Long>}. */
    public List<Type> stateTypeArguments() {
      return List.of(((ParameterizedType) stateType.getType()).getActualTypeArguments());
    }
  }

  /**
   * A {@code @TimerId} or {@code @TimerFamily} field.
   *
   * @param id the timer or family id
   * @param field the field, made accessible
   */
  public record TimerDeclaration(String id, Field field) {
    /** The spec this declaration holds in {@code fn}. */
    public TimerSpec spec(DoFn<?, ?> fn) {
      return (TimerSpec) read(field, fn);
    }
  }

  /** The signature of {@code fnClass}, analysed once and cached. */
  public static DoFnSignature of(Class<?> fnClass) {
    return CACHE.computeIfAbsent(fnClass, DoFnSignature::analyse);
  }

  /** Whether the {@code @ProcessElement} method reads side inputs by id. */
  public boolean usesSideInputParameters() {
    return processElement.uses(DoFnParameter.Kind.SIDE_INPUT);
  }

  /**
   * Whether the {@code @ProcessElement} method is {@code @RequiresStableInput}: on replay after a
   * failure, the runner must give it exactly the same input (Beam's {@code
   * requires_stable_input}).
   */
  public boolean requiresStableInput() {
    return processElement.requiresStableInput();
  }

  /**
   * Whether a {@code @ProcessElement}, {@code @StartBundle} or {@code @FinishBundle} method takes
   * a {@code DoFn.BundleFinalizer}: the runner must run its callbacks after committing each
   * bundle (Beam's {@code requests_finalization}).
   */
  public boolean requestsFinalization() {
    return processElement.uses(DoFnParameter.Kind.BUNDLE_FINALIZER)
        || startBundle != null && startBundle.uses(DoFnParameter.Kind.BUNDLE_FINALIZER)
        || finishBundle != null && finishBundle.uses(DoFnParameter.Kind.BUNDLE_FINALIZER);
  }

  /** Whether the class declares state. */
  public boolean usesState() {
    return !stateDeclarations.isEmpty();
  }

  /** Whether the class declares timers or timer families. */
  public boolean usesTimers() {
    return !timerDeclarations.isEmpty() || !timerFamilyDeclarations.isEmpty();
  }

  /**
   * Whether the {@code DoFn} needs a keyed input: it uses state or timers, or has an {@code
   * @OnWindowExpiration} method (called per key and window).
   */
  public boolean isStateful() {
    return usesState() || usesTimers() || onWindowExpiration != null;
  }

  private static DoFnSignature analyse(Class<?> fnClass) {
    DoFnDeclarations declarations = DoFnDeclarations.analyse(fnClass);
    DoFnParameters.Scope scope = new DoFnParameters.Scope(fnClass,
        TypeDescriptor.resolveSupertypeArgument(fnClass, DoFn.class, 0), declarations);
    Method process = findUnique(fnClass, DoFn.ProcessElement.class, true);
    return new DoFnSignature(
        fnClass,
        DoFnParameters.analyse(scope, process, DoFnParameters.Site.PROCESS_ELEMENT),
        analyseOptional(scope, DoFn.StartBundle.class, DoFnParameters.Site.START_BUNDLE),
        analyseOptional(scope, DoFn.FinishBundle.class, DoFnParameters.Site.FINISH_BUNDLE),
        analyseOptional(scope, DoFn.Setup.class, DoFnParameters.Site.SETUP),
        analyseOptional(scope, DoFn.Teardown.class, DoFnParameters.Site.TEARDOWN),
        declarations.states(),
        declarations.timers(),
        declarations.timerFamilies(),
        callbacks(scope, DoFn.OnTimer.class, DoFn.OnTimer::value, declarations.timers(),
            DoFnParameters.Site.ON_TIMER),
        callbacks(scope, DoFn.OnTimerFamily.class, DoFn.OnTimerFamily::value,
            declarations.timerFamilies(), DoFnParameters.Site.ON_TIMER_FAMILY),
        analyseOptional(scope, DoFn.OnWindowExpiration.class,
            DoFnParameters.Site.ON_WINDOW_EXPIRATION));
  }

  private static MethodSignature analyseOptional(DoFnParameters.Scope scope,
      Class<? extends Annotation> annotation, DoFnParameters.Site site) {
    Method method = findUnique(scope.fnClass(), annotation, false);
    return method == null ? null : DoFnParameters.analyse(scope, method, site);
  }

  /**
   * The callback method of each declared timer (or family), by id: one per declaration, none for
   * an undeclared id.
   */
  private static <A extends Annotation> Map<String, MethodSignature> callbacks(
      DoFnParameters.Scope scope, Class<A> annotation, Function<A, String> idOf,
      Map<String, TimerDeclaration> declared, DoFnParameters.Site site) {
    String fnName = scope.fnClass().getName();
    String at = "@" + annotation.getSimpleName();
    Map<String, MethodSignature> methods = new LinkedHashMap<>();
    for (Method method : annotatedMethods(scope.fnClass(), annotation)) {
      String id = idOf.apply(method.getAnnotation(annotation));
      if (!declared.containsKey(id)) {
        throw new IllegalArgumentException("DoFn " + fnName + ": method " + method.getName()
            + " is " + at + "(\"" + id + "\"), but no timer" + (site == DoFnParameters.Site.ON_TIMER
                ? "" : " family") + " has that id; declared: " + declared.keySet());
      }
      MethodSignature other = methods.get(id);
      if (other != null) {
        throw new IllegalArgumentException("DoFn " + fnName + " has two " + at + "(\"" + id
            + "\") methods: " + other.method().getName() + " and " + method.getName()
            + "; keep exactly one");
      }
      methods.put(id, DoFnParameters.analyse(scope, method, site));
    }
    for (TimerDeclaration declaration : declared.values()) {
      if (!methods.containsKey(declaration.id())) {
        throw new IllegalArgumentException("DoFn " + fnName + " field '"
            + declaration.field().getName() + "' declares a timer" + (site
                == DoFnParameters.Site.ON_TIMER ? "" : " family") + " \"" + declaration.id()
            + "\" with no " + at + " method; add a method annotated " + at + "(\""
            + declaration.id() + "\")");
      }
    }
    return Collections.unmodifiableMap(methods);
  }

  /** The methods carrying {@code annotation}, the most derived declaration of each. */
  private static List<Method> annotatedMethods(
      Class<?> fnClass, Class<? extends Annotation> annotation) {
    List<Method> found = new ArrayList<>();
    for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(annotation) && !m.isBridge() && !m.isSynthetic()
            && found.stream().noneMatch(f -> overrides(f, m))) {
          checkNotStatic(fnClass, annotation, m);
          m.setAccessible(true);
          found.add(m);
        }
      }
    }
    return found;
  }

  /**
   * The one method of {@code fnClass} or its superclasses carrying {@code annotation}. A method
   * overridden in a subclass counts once, as the most derived declaration.
   */
  private static Method findUnique(
      Class<?> fnClass, Class<? extends Annotation> annotation, boolean required) {
    Method found = null;
    for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(annotation) || m.isBridge() || m.isSynthetic()) {
          continue;
        }
        if (found != null && !overrides(found, m)) {
          // As Beam: one method per annotation in the whole class hierarchy, overrides aside; a
          // subclass adding its own differently named method would silently shadow the base's.
          throw new IllegalArgumentException("DoFn " + fnClass.getName() + " has two methods"
              + " annotated @" + annotation.getSimpleName() + ": " + describe(found) + " and "
              + describe(m) + "; keep exactly one (override the base class's method instead of"
              + " adding another)");
        }
        if (found == null) {
          found = m;
        }
      }
    }
    if (found == null && required) {
      throw new IllegalArgumentException("DoFn " + fnClass.getName() + " has no method annotated"
          + " @ProcessElement; add one, e.g. @ProcessElement public void process(@Element InputT"
          + " element, OutputReceiver<OutputT> out)");
    }
    if (found != null) {
      checkNotStatic(fnClass, annotation, found);
      found.setAccessible(true);
    }
    return found;
  }

  private static void checkNotStatic(
      Class<?> fnClass, Class<? extends Annotation> annotation, Method method) {
    if (Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException("DoFn " + fnClass.getName() + ": the @"
          + annotation.getSimpleName() + " method " + method.getName() + " must not be static");
    }
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  private static boolean overrides(Method derived, Method base) {
    return derived.getName().equals(base.getName())
        && Arrays.equals(derived.getParameterTypes(), base.getParameterTypes());
  }

  private static Object read(Field field, DoFn<?, ?> fn) {
    try {
      return field.get(fn);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read field '" + field.getName() + "' of DoFn "
          + fn.getClass().getName(), e);
    }
  }
}
