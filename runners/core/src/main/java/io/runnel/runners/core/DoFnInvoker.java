package io.runnel.runners.core;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnParameter;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.transforms.internal.DoFnSignature.MethodSignature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the annotated methods of a {@link DoFn} class without per-call reflection: each method
 * is compiled once per class into a method handle of type {@code (DoFn, ArgumentProvider)void}
 * whose arguments are pulled from the provider. Thread-safe and shared by all instances.
 */
public final class DoFnInvoker {
  private static final MethodType INVOKER_TYPE =
      MethodType.methodType(void.class, DoFn.class, ArgumentProvider.class);
  private static final Map<Class<?>, DoFnInvoker> CACHE = new ConcurrentHashMap<>();

  private final DoFnSignature signature;
  private final MethodHandle processElement;
  private final MethodHandle startBundle;
  private final MethodHandle finishBundle;
  private final MethodHandle setup;
  private final MethodHandle teardown;
  private final Map<String, MethodHandle> onTimer;
  private final Map<String, MethodHandle> onTimerFamily;
  private final MethodHandle onWindowExpiration;

  private DoFnInvoker(DoFnSignature signature) {
    this.signature = signature;
    this.processElement = compile(signature.processElement());
    this.startBundle = compile(signature.startBundle());
    this.finishBundle = compile(signature.finishBundle());
    this.setup = compile(signature.setup());
    this.teardown = compile(signature.teardown());
    this.onTimer = compileAll(signature.onTimerMethods());
    this.onTimerFamily = compileAll(signature.onTimerFamilyMethods());
    this.onWindowExpiration = compile(signature.onWindowExpiration());
  }

  /** The invoker of {@code fnClass}, compiled once. */
  public static DoFnInvoker of(Class<?> fnClass) {
    return CACHE.computeIfAbsent(fnClass, c -> new DoFnInvoker(DoFnSignature.of(c)));
  }

  public DoFnSignature signature() {
    return signature;
  }

  /** Calls {@code @ProcessElement}; user exceptions come out wrapped in {@link UserCodeException}. */
  public void invokeProcessElement(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(processElement, fn, args);
  }

  public void invokeStartBundle(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(startBundle, fn, args);
  }

  public void invokeFinishBundle(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(finishBundle, fn, args);
  }

  public void invokeSetup(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(setup, fn, args);
  }

  public void invokeTeardown(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(teardown, fn, args);
  }

  /**
   * Calls the {@code @OnTimer} method of {@code timerId}; the provider supplies the firing
   * timer's key, window, time domain and context.
   *
   * @throws IllegalArgumentException when the {@code DoFn} declares no timer {@code timerId}
   */
  public void invokeOnTimer(String timerId, DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(callback(onTimer, timerId, "@OnTimer"), fn, args);
  }

  /**
   * Calls the {@code @OnTimerFamily} method of {@code familyId}; the provider's {@link
   * ArgumentProvider#timerId()} names the firing timer within the family.
   *
   * @throws IllegalArgumentException when the {@code DoFn} declares no family {@code familyId}
   */
  public void invokeOnTimerFamily(String familyId, DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(callback(onTimerFamily, familyId, "@OnTimerFamily"), fn, args);
  }

  /** Calls the {@code @OnWindowExpiration} method, if there is one. */
  public void invokeOnWindowExpiration(DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    invoke(onWindowExpiration, fn, args);
  }

  private MethodHandle callback(Map<String, MethodHandle> handles, String id, String annotation) {
    MethodHandle handle = handles.get(id);
    if (handle == null) {
      throw new IllegalArgumentException("DoFn " + signature.fnClass().getName() + " has no "
          + annotation + "(\"" + id + "\") method; it has " + handles.keySet());
    }
    return handle;
  }

  private static void invoke(MethodHandle handle, DoFn<?, ?> fn, ArgumentProvider<?, ?> args) {
    if (handle == null) {
      return;
    }
    try {
      handle.invokeExact((DoFn) fn, (ArgumentProvider) args);
    } catch (Throwable t) {
      throw UserCodeException.wrap(t);
    }
  }

  private static Map<String, MethodHandle> compileAll(Map<String, MethodSignature> methods) {
    Map<String, MethodHandle> handles = new HashMap<>();
    methods.forEach((id, method) -> handles.put(id, compile(method)));
    return Map.copyOf(handles);
  }

  private static MethodHandle compile(MethodSignature method) {
    if (method == null) {
      return null;
    }
    try {
      MethodHandle target = MethodHandles.lookup().unreflect(method.method());
      target = target.asType(target.type().changeReturnType(void.class));
      int arity = method.parameters().size();
      MethodHandle[] extractors = new MethodHandle[arity];
      for (int i = 0; i < arity; i++) {
        extractors[i] = extractor(method.parameters().get(i), target.type().parameterType(i + 1));
      }
      MethodHandle filtered = MethodHandles.filterArguments(target, 1, extractors);
      Class<?>[] spread = new Class<?>[arity + 1];
      spread[0] = DoFn.class;
      java.util.Arrays.fill(spread, 1, arity + 1, ArgumentProvider.class);
      filtered = filtered.asType(MethodType.methodType(void.class, spread));
      int[] reorder = new int[arity + 1];
      java.util.Arrays.fill(reorder, 1, arity + 1, 1);
      return MethodHandles.permuteArguments(filtered, INVOKER_TYPE, reorder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Unable to compile an invoker for " + method.method(), e);
    }
  }

  private static MethodHandle extractor(DoFnParameter parameter, Class<?> type)
      throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    MethodHandle getter;
    String byId = byIdProviderMethod(parameter.kind());
    if (byId != null) {
      Class<?> returned = ArgumentProvider.class.getMethod(byId, String.class).getReturnType();
      getter = lookup.findVirtual(ArgumentProvider.class, byId,
          MethodType.methodType(returned, String.class));
      getter = MethodHandles.insertArguments(getter, 1, parameter.id());
    } else {
      String name = providerMethod(parameter.kind());
      Class<?> returned = ArgumentProvider.class.getMethod(name).getReturnType();
      getter = lookup.findVirtual(ArgumentProvider.class, name, MethodType.methodType(returned));
    }
    return getter.asType(MethodType.methodType(type, ArgumentProvider.class));
  }

  private static String providerMethod(DoFnParameter.Kind kind) {
    return switch (kind) {
      case ELEMENT -> "element";
      case TIMESTAMP -> "timestamp";
      case WINDOW -> "window";
      case PANE_INFO -> "paneInfo";
      case OUTPUT_RECEIVER -> "outputReceiver";
      case MULTI_OUTPUT_RECEIVER -> "multiOutputReceiver";
      case PROCESS_CONTEXT -> "processContext";
      case START_BUNDLE_CONTEXT -> "startBundleContext";
      case FINISH_BUNDLE_CONTEXT -> "finishBundleContext";
      case PIPELINE_OPTIONS -> "pipelineOptions";
      case TIMER_ID -> "timerId";
      case KEY -> "key";
      case TIME_DOMAIN -> "timeDomain";
      case ON_TIMER_CONTEXT -> "onTimerContext";
      case ON_WINDOW_EXPIRATION_CONTEXT -> "onWindowExpirationContext";
      case BUNDLE_FINALIZER -> "bundleFinalizer";
      case SIDE_INPUT, STATE, TIMER, TIMER_FAMILY ->
          throw new IllegalArgumentException(kind + " is bound by id");
    };
  }

  /** The provider method taking the parameter's id, or null for kinds without an id. */
  private static String byIdProviderMethod(DoFnParameter.Kind kind) {
    return switch (kind) {
      case SIDE_INPUT -> "sideInput";
      case STATE -> "state";
      case TIMER -> "timer";
      case TIMER_FAMILY -> "timerFamily";
      default -> null;
    };
  }
}
