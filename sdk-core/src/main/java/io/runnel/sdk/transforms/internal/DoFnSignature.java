package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.transforms.DoFn;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The annotated methods of a {@link DoFn} class and what each of their parameters asks for,
 * found once per class with reflection and checked at pipeline construction. Runners build
 * invokers from it; nothing here runs per element.
 *
 * @param fnClass the analysed class
 * @param processElement the {@code @ProcessElement} method (never null)
 * @param startBundle the {@code @StartBundle} method, or null
 * @param finishBundle the {@code @FinishBundle} method, or null
 * @param setup the {@code @Setup} method, or null
 * @param teardown the {@code @Teardown} method, or null
 */
public record DoFnSignature(
    Class<?> fnClass,
    MethodSignature processElement,
    MethodSignature startBundle,
    MethodSignature finishBundle,
    MethodSignature setup,
    MethodSignature teardown) {

  private static final Map<Class<?>, DoFnSignature> CACHE = new ConcurrentHashMap<>();

  /** An annotated method and its parameters, in declaration order. */
  public record MethodSignature(Method method, List<DoFnParameter> parameters) {
    /** Whether any parameter is of {@code kind}. */
    public boolean uses(DoFnParameter.Kind kind) {
      return parameters.stream().anyMatch(p -> p.kind() == kind);
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

  private static DoFnSignature analyse(Class<?> fnClass) {
    String fnName = fnClass.getName();
    Method process = findUnique(fnClass, DoFn.ProcessElement.class, true);
    return new DoFnSignature(
        fnClass,
        DoFnParameters.analyse(fnName, process, DoFnParameters.Site.PROCESS_ELEMENT),
        analyseOptional(fnClass, DoFn.StartBundle.class, DoFnParameters.Site.START_BUNDLE),
        analyseOptional(fnClass, DoFn.FinishBundle.class, DoFnParameters.Site.FINISH_BUNDLE),
        analyseOptional(fnClass, DoFn.Setup.class, DoFnParameters.Site.SETUP),
        analyseOptional(fnClass, DoFn.Teardown.class, DoFnParameters.Site.TEARDOWN));
  }

  private static MethodSignature analyseOptional(
      Class<?> fnClass, Class<? extends Annotation> annotation, DoFnParameters.Site site) {
    Method method = findUnique(fnClass, annotation, false);
    return method == null ? null : DoFnParameters.analyse(fnClass.getName(), method, site);
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
          if (found.getDeclaringClass() == m.getDeclaringClass()) {
            throw new IllegalArgumentException("DoFn " + fnClass.getName() + " has two methods"
                + " annotated @" + annotation.getSimpleName() + ": " + found.getName() + " and "
                + m.getName() + "; keep exactly one");
          }
          continue;
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
    if (found != null && Modifier.isStatic(found.getModifiers())) {
      throw new IllegalArgumentException("DoFn " + fnClass.getName() + ": the @"
          + annotation.getSimpleName() + " method " + found.getName() + " must not be static");
    }
    if (found != null) {
      found.setAccessible(true);
    }
    return found;
  }

  private static boolean overrides(Method derived, Method base) {
    return derived.getName().equals(base.getName())
        && java.util.Arrays.equals(derived.getParameterTypes(), base.getParameterTypes());
  }
}
