package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.ReadableState;
import io.runnel.sdk.state.State;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnParameter.Kind;
import io.runnel.sdk.transforms.internal.DoFnSignature.MethodSignature;
import io.runnel.sdk.transforms.internal.DoFnSignature.StateDeclaration;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies the parameters of annotated {@code DoFn} methods and rejects unsupported ones. Which
 * parameters each method accepts follows Beam: state and timers everywhere a key is known, the
 * key itself only where it is not in the element ({@code @OnTimer}, {@code @OnWindowExpiration}).
 */
final class DoFnParameters {
  /** Which annotated method is being analysed; each accepts a different set of parameters. */
  enum Site {
    PROCESS_ELEMENT("@ProcessElement", true, EnumSet.of(Kind.ELEMENT, Kind.TIMESTAMP,
        Kind.WINDOW, Kind.PANE_INFO, Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER,
        Kind.PROCESS_CONTEXT, Kind.PIPELINE_OPTIONS, Kind.SIDE_INPUT, Kind.STATE, Kind.TIMER,
        Kind.TIMER_FAMILY, Kind.BUNDLE_FINALIZER)),
    START_BUNDLE("@StartBundle", false, EnumSet.of(Kind.START_BUNDLE_CONTEXT,
        Kind.PIPELINE_OPTIONS, Kind.BUNDLE_FINALIZER)),
    FINISH_BUNDLE("@FinishBundle", false, EnumSet.of(Kind.FINISH_BUNDLE_CONTEXT,
        Kind.PIPELINE_OPTIONS, Kind.BUNDLE_FINALIZER)),
    SETUP("@Setup", false, EnumSet.of(Kind.PIPELINE_OPTIONS)),
    TEARDOWN("@Teardown", false, EnumSet.noneOf(Kind.class)),
    ON_TIMER("@OnTimer", true, EnumSet.of(Kind.ON_TIMER_CONTEXT, Kind.TIMESTAMP,
        Kind.TIME_DOMAIN, Kind.WINDOW, Kind.PIPELINE_OPTIONS, Kind.OUTPUT_RECEIVER,
        Kind.MULTI_OUTPUT_RECEIVER, Kind.STATE, Kind.TIMER, Kind.TIMER_FAMILY, Kind.KEY)),
    ON_TIMER_FAMILY("@OnTimerFamily", true, EnumSet.of(Kind.ON_TIMER_CONTEXT, Kind.TIMESTAMP,
        Kind.TIME_DOMAIN, Kind.WINDOW, Kind.PIPELINE_OPTIONS, Kind.OUTPUT_RECEIVER,
        Kind.MULTI_OUTPUT_RECEIVER, Kind.STATE, Kind.TIMER, Kind.TIMER_FAMILY, Kind.TIMER_ID)),
    ON_WINDOW_EXPIRATION("@OnWindowExpiration", true, EnumSet.of(
        Kind.ON_WINDOW_EXPIRATION_CONTEXT, Kind.WINDOW, Kind.TIMESTAMP, Kind.PIPELINE_OPTIONS,
        Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.STATE, Kind.KEY));

    final String annotation;
    /** Whether {@code @RequiresStableInput} means something here (as Beam records it). */
    final boolean takesStableInput;
    final Set<Kind> allowed;

    Site(String annotation, boolean takesStableInput, Set<Kind> allowed) {
      this.annotation = annotation;
      this.takesStableInput = takesStableInput;
      this.allowed = allowed;
    }
  }

  /** What parameters may refer to: the class's declarations and its input type. */
  record Scope(Class<?> fnClass, TypeDescriptor<?> inputType, DoFnDeclarations declarations) {}

  private DoFnParameters() {}

  static MethodSignature analyse(Scope scope, Method method, Site site) {
    checkStableInputAnnotation(scope, method, site);
    List<DoFnParameter> parameters = new ArrayList<>();
    Parameter[] declared = method.getParameters();
    for (int i = 0; i < declared.length; i++) {
      String where = "DoFn " + scope.fnClass().getName() + ": parameter " + (i + 1) + " ("
          + declared[i].getParameterizedType().getTypeName() + " " + declared[i].getName()
          + ") of " + site.annotation + " method " + method.getName();
      DoFnParameter parameter = classify(scope, declared[i], where);
      if (parameter != null && parameter.kind() == Kind.BUNDLE_FINALIZER
          && !site.allowed.contains(Kind.BUNDLE_FINALIZER)) {
        throw new IllegalArgumentException(where + " is a BundleFinalizer, which only"
            + " @ProcessElement, @StartBundle and @FinishBundle methods can take: it finalizes"
            + " the bundle being processed. Register the callback from one of those methods");
      }
      if (parameter == null || !site.allowed.contains(parameter.kind())) {
        throw new IllegalArgumentException(where + " is not supported there; supported: "
            + site.allowed);
      }
      if (parameter.kind() != Kind.SIDE_INPUT && parameters.contains(parameter)) {
        throw new IllegalArgumentException("DoFn " + scope.fnClass().getName() + ": method "
            + method.getName() + " asks twice for " + parameter.kind()
            + (parameter.id() == null ? "" : " \"" + parameter.id() + "\""));
      }
      parameters.add(parameter);
    }
    return new MethodSignature(method, List.copyOf(parameters));
  }

  /**
   * Rejects {@code @RequiresStableInput} where it would mean nothing: Beam honours it only on
   * methods that receive input ({@code @ProcessElement}, {@code @OnTimer}, {@code @OnTimerFamily},
   * {@code @OnWindowExpiration}) and silently ignores it elsewhere.
   */
  private static void checkStableInputAnnotation(Scope scope, Method method, Site site) {
    if (!site.takesStableInput && method.isAnnotationPresent(DoFn.RequiresStableInput.class)) {
      throw new IllegalArgumentException("DoFn " + scope.fnClass().getName() + ": the "
          + site.annotation + " method " + method.getName() + " is @RequiresStableInput, which"
          + " has no effect there; put it on the @ProcessElement method");
    }
  }

  private static DoFnParameter classify(Scope scope, Parameter p, String where) {
    Class<?> type = p.getType();
    if (p.isAnnotationPresent(DoFn.Element.class)) {
      return DoFnParameter.of(Kind.ELEMENT);
    }
    if (p.isAnnotationPresent(DoFn.Timestamp.class)) {
      return type == Instant.class ? DoFnParameter.of(Kind.TIMESTAMP) : null;
    }
    if (p.isAnnotationPresent(DoFn.Key.class)) {
      checkKeyType(scope, p, where);
      return DoFnParameter.of(Kind.KEY);
    }
    DoFn.SideInput side = p.getAnnotation(DoFn.SideInput.class);
    if (side != null) {
      return DoFnParameter.of(Kind.SIDE_INPUT, side.value());
    }
    if (State.class.isAssignableFrom(type) || p.isAnnotationPresent(DoFn.StateId.class)) {
      return stateParameter(scope, p, where);
    }
    if (type == Timer.class) {
      DoFn.TimerId id = p.getAnnotation(DoFn.TimerId.class);
      requireDeclared(id == null ? null : id.value(), scope.declarations().timers().keySet(),
          "@TimerId", where);
      return DoFnParameter.of(Kind.TIMER, id.value());
    }
    if (type == TimerMap.class) {
      DoFn.TimerFamily id = p.getAnnotation(DoFn.TimerFamily.class);
      requireDeclared(id == null ? null : id.value(),
          scope.declarations().timerFamilies().keySet(), "@TimerFamily", where);
      return DoFnParameter.of(Kind.TIMER_FAMILY, id.value());
    }
    if (p.isAnnotationPresent(DoFn.TimerId.class)) {
      return type == String.class ? DoFnParameter.of(Kind.TIMER_ID) : null;
    }
    Kind kind = byType(type);
    return kind == null ? null : DoFnParameter.of(kind);
  }

  private static Kind byType(Class<?> type) {
    if (type == DoFn.OutputReceiver.class) {
      return Kind.OUTPUT_RECEIVER;
    } else if (type == DoFn.MultiOutputReceiver.class) {
      return Kind.MULTI_OUTPUT_RECEIVER;
    } else if (type == DoFn.ProcessContext.class) {
      return Kind.PROCESS_CONTEXT;
    } else if (type == DoFn.StartBundleContext.class) {
      return Kind.START_BUNDLE_CONTEXT;
    } else if (type == DoFn.FinishBundleContext.class) {
      return Kind.FINISH_BUNDLE_CONTEXT;
    } else if (type == DoFn.OnTimerContext.class) {
      return Kind.ON_TIMER_CONTEXT;
    } else if (type == DoFn.OnWindowExpirationContext.class) {
      return Kind.ON_WINDOW_EXPIRATION_CONTEXT;
    } else if (type == TimeDomain.class) {
      return Kind.TIME_DOMAIN;
    } else if (type == PaneInfo.class) {
      return Kind.PANE_INFO;
    } else if (BoundedWindow.class.isAssignableFrom(type)) {
      return Kind.WINDOW;
    } else if (PipelineOptions.class.isAssignableFrom(type)) {
      return Kind.PIPELINE_OPTIONS;
    } else if (type == DoFn.BundleFinalizer.class) {
      return Kind.BUNDLE_FINALIZER;
    }
    return null;
  }

  private static DoFnParameter stateParameter(Scope scope, Parameter p, String where) {
    DoFn.StateId id = p.getAnnotation(DoFn.StateId.class);
    requireDeclared(id == null ? null : id.value(), scope.declarations().states().keySet(),
        "@StateId", where);
    StateDeclaration declaration = scope.declarations().states().get(id.value());
    TypeDescriptor<?> wanted =
        TypeDescriptor.of(scope.fnClass()).resolveType(p.getParameterizedType());
    if (!isAssignable(declaration.stateType(), wanted)) {
      throw new IllegalArgumentException(where + " asks for @StateId(\"" + id.value() + "\") as "
          + wanted + ", but field '" + declaration.field().getName() + "' declares "
          + declaration.stateType() + "; declare the parameter as " + declaration.stateType());
    }
    boolean alwaysFetched = p.isAnnotationPresent(DoFn.AlwaysFetched.class);
    if (alwaysFetched && !ReadableState.class.isAssignableFrom(p.getType())) {
      throw new IllegalArgumentException(where + " is @AlwaysFetched, but "
          + p.getType().getSimpleName() + " cannot be read as a whole; remove @AlwaysFetched");
    }
    return new DoFnParameter(Kind.STATE, id.value(), alwaysFetched);
  }

  /** Whether state of type {@code declared} can be passed as {@code wanted} (a supertype). */
  private static boolean isAssignable(TypeDescriptor<?> declared, TypeDescriptor<?> wanted) {
    Class<?> wantedRaw = wanted.getRawType();
    if (!wantedRaw.isAssignableFrom(declared.getRawType())) {
      return false;
    }
    if (!(wanted.getType() instanceof ParameterizedType)) {
      return true;
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeDescriptor<?> asWanted = ((TypeDescriptor) declared).getSupertype(wantedRaw);
    return asWanted.equals(wanted);
  }

  private static void requireDeclared(String id, Set<String> declared, String annotation,
      String where) {
    if (id == null) {
      throw new IllegalArgumentException(where + " has no " + annotation + " annotation; add "
          + annotation + "(\"id\") naming one of " + declared);
    }
    if (!declared.contains(id)) {
      throw new IllegalArgumentException(where + " refers to undeclared " + annotation + "(\""
          + id + "\"); declared: " + declared);
    }
  }

  private static void checkKeyType(Scope scope, Parameter p, String where) {
    TypeDescriptor<?> input = scope.inputType();
    if (input == null || !KV.class.equals(input.getRawType())) {
      throw new IllegalArgumentException(where + " is @Key, but the DoFn's input type " + input
          + " is not a KV; @Key is only for DoFns of KV<K, V> input");
    }
    if (input.getType() instanceof ParameterizedType kv) {
      Type keyType = kv.getActualTypeArguments()[0];
      TypeDescriptor<?> key = TypeDescriptor.of(keyType);
      if (!key.hasUnresolvedParameters()
          && !key.equals(TypeDescriptor.of(p.getParameterizedType()))) {
        throw new IllegalArgumentException(where + " is @Key, but the key type is "
            + keyType.getTypeName() + "; declare the parameter as @Key " + keyType.getTypeName());
      }
    }
  }
}
