package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnParameter.Kind;
import io.runnel.sdk.transforms.internal.DoFnSignature.MethodSignature;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Classifies the parameters of annotated {@code DoFn} methods and rejects unsupported ones. */
final class DoFnParameters {
  /** Which annotated method is being analysed; each accepts a different set of parameters. */
  enum Site {
    PROCESS_ELEMENT(EnumSet.of(Kind.ELEMENT, Kind.TIMESTAMP, Kind.WINDOW, Kind.PANE_INFO,
        Kind.OUTPUT_RECEIVER, Kind.MULTI_OUTPUT_RECEIVER, Kind.PROCESS_CONTEXT,
        Kind.PIPELINE_OPTIONS, Kind.SIDE_INPUT)),
    START_BUNDLE(EnumSet.of(Kind.START_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS)),
    FINISH_BUNDLE(EnumSet.of(Kind.FINISH_BUNDLE_CONTEXT, Kind.PIPELINE_OPTIONS)),
    SETUP(EnumSet.of(Kind.PIPELINE_OPTIONS)),
    TEARDOWN(EnumSet.noneOf(Kind.class));

    final Set<Kind> allowed;

    Site(Set<Kind> allowed) {
      this.allowed = allowed;
    }
  }

  private DoFnParameters() {}

  static MethodSignature analyse(String fnName, Method method, Site site) {
    List<DoFnParameter> parameters = new ArrayList<>();
    Parameter[] declared = method.getParameters();
    for (int i = 0; i < declared.length; i++) {
      DoFnParameter parameter = classify(declared[i]);
      if (parameter == null || !site.allowed.contains(parameter.kind())) {
        throw new IllegalArgumentException("DoFn " + fnName + ": parameter " + (i + 1) + " ("
            + declared[i].getParameterizedType().getTypeName() + " " + declared[i].getName()
            + ") of " + method.getName() + " is not supported in a " + site.name()
            + " method; supported there: " + site.allowed);
      }
      if (parameter.kind() != Kind.SIDE_INPUT && parameters.contains(parameter)) {
        throw new IllegalArgumentException("DoFn " + fnName + ": method " + method.getName()
            + " asks twice for " + parameter.kind());
      }
      parameters.add(parameter);
    }
    return new MethodSignature(method, List.copyOf(parameters));
  }

  private static DoFnParameter classify(Parameter p) {
    Class<?> type = p.getType();
    if (p.isAnnotationPresent(DoFn.Element.class)) {
      return DoFnParameter.of(Kind.ELEMENT);
    }
    if (p.isAnnotationPresent(DoFn.Timestamp.class)) {
      return type == Instant.class ? DoFnParameter.of(Kind.TIMESTAMP) : null;
    }
    DoFn.SideInput side = p.getAnnotation(DoFn.SideInput.class);
    if (side != null) {
      return new DoFnParameter(Kind.SIDE_INPUT, side.value());
    }
    if (type == DoFn.OutputReceiver.class) {
      return DoFnParameter.of(Kind.OUTPUT_RECEIVER);
    }
    if (type == DoFn.MultiOutputReceiver.class) {
      return DoFnParameter.of(Kind.MULTI_OUTPUT_RECEIVER);
    }
    if (type == DoFn.ProcessContext.class) {
      return DoFnParameter.of(Kind.PROCESS_CONTEXT);
    }
    if (type == DoFn.StartBundleContext.class) {
      return DoFnParameter.of(Kind.START_BUNDLE_CONTEXT);
    }
    if (type == DoFn.FinishBundleContext.class) {
      return DoFnParameter.of(Kind.FINISH_BUNDLE_CONTEXT);
    }
    if (type == PaneInfo.class) {
      return DoFnParameter.of(Kind.PANE_INFO);
    }
    if (BoundedWindow.class.isAssignableFrom(type)) {
      return DoFnParameter.of(Kind.WINDOW);
    }
    if (PipelineOptions.class.isAssignableFrom(type)) {
      return DoFnParameter.of(Kind.PIPELINE_OPTIONS);
    }
    return null;
  }
}
