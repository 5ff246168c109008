package io.runnel.runners.core;

import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnParameter;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.transforms.internal.DoFnSignature.MethodSignature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

  private DoFnInvoker(DoFnSignature signature) {
    this.signature = signature;
    this.processElement = compile(signature.processElement());
    this.startBundle = compile(signature.startBundle());
    this.finishBundle = compile(signature.finishBundle());
    this.setup = compile(signature.setup());
    this.teardown = compile(signature.teardown());
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
    if (parameter.kind() == DoFnParameter.Kind.SIDE_INPUT) {
      getter = lookup.findVirtual(ArgumentProvider.class, "sideInput",
          MethodType.methodType(Object.class, String.class));
      getter = MethodHandles.insertArguments(getter, 1, parameter.sideInputId());
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
      case SIDE_INPUT -> throw new IllegalArgumentException("side inputs are bound by id");
    };
  }
}
