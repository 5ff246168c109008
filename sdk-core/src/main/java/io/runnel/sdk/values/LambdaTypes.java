package io.runnel.sdk.values;

import io.runnel.sdk.values.internal.GenericTypes;
import io.runnel.sdk.values.internal.TypeVariableResolver;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recovers what the compiler kept of the input and output types of a function object: a
 * serializable lambda, a method reference, or an instance of a class implementing a functional
 * interface. Used to infer the coder of {@code MapElements} and similar transforms.
 *
 * <p>What is recoverable, by kind of function:
 *
 * <ul>
 *   <li>an instance of a named or anonymous class, such as {@code new
 *       SerializableFunction<String, KV<String, Long>>() {...}}: the full generic types, resolved
 *       through the class hierarchy;
 *   <li>a method reference, such as {@code Parsers::parse}: the generic types the referenced
 *       method declares ({@code KV<String, Long>});
 *   <li>a lambda: only erased classes. javac writes no generic signature on the synthetic method
 *       holding a lambda's body, so {@code s -> KV.of(s, 1L)} yields {@code KV<K, V>}, the raw
 *       class with its own type variables, for which {@link TypeDescriptor#hasUnresolvedParameters()}
 *       is true; {@code s -> s.length()} yields {@code Integer}.
 * </ul>
 *
 * <p>Primitive types are reported boxed ({@code String::length} gives {@code Integer}). The result
 * is empty when nothing useful is known: the type is {@code Object}, {@code void} or
 * a bare type variable, or the lambda cannot be inspected. Runs reflection; call it once per
 * transform at construction, not per element. Stateless and thread-safe.
 */
public final class LambdaTypes {
  private LambdaTypes() {}

  /**
   * The type {@code function}'s single abstract method returns, as declared by
   * {@code functionalInterface}.
   *
   * @throws IllegalArgumentException when {@code function} does not implement
   *     {@code functionalInterface} or it has not exactly one abstract method
   */
  public static Optional<TypeDescriptor<?>> outputTypeOf(Serializable function, Class<?> functionalInterface) {
    Method sam = singleAbstractMethod(function, functionalInterface);
    Optional<SerializedLambda> lambda = serializedLambda(function);
    if (lambda.isEmpty()) {
      return useful(resolveInClass(function, sam.getGenericReturnType()));
    }
    return useful(lambdaType(lambda.get(), function, -1));
  }

  /**
   * The type of the first parameter of {@code function}'s single abstract method.
   *
   * @throws IllegalArgumentException as {@link #outputTypeOf}, or when the method takes no
   *     parameter
   */
  public static Optional<TypeDescriptor<?>> inputTypeOf(Serializable function, Class<?> functionalInterface) {
    Method sam = singleAbstractMethod(function, functionalInterface);
    if (sam.getParameterCount() == 0) {
      throw new IllegalArgumentException(sam + " takes no parameter, so it has no input type");
    }
    Optional<SerializedLambda> lambda = serializedLambda(function);
    if (lambda.isEmpty()) {
      return useful(resolveInClass(function, sam.getGenericParameterTypes()[0]));
    }
    return useful(lambdaType(lambda.get(), function, 0));
  }

  private static Type resolveInClass(Object function, Type declared) {
    return TypeVariableResolver.substitute(declared, TypeVariableResolver.bindingsOf(function.getClass()));
  }

  /** The output ({@code samParameter} -1) or a parameter type of a lambda or method reference. */
  private static Type lambdaType(SerializedLambda lambda, Object function, int samParameter) {
    ClassLoader loader = function.getClass().getClassLoader();
    MethodType instantiated = MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader);
    Type erased = withOwnVariables(samParameter < 0 ? instantiated.returnType() : instantiated.parameterType(samParameter));
    Method implementation = implementationMethod(lambda, loader);
    if (implementation == null || implementation.isSynthetic()) {
      return erased;
    }
    Type declared;
    if (samParameter < 0) {
      declared = implementation.getGenericReturnType();
    } else {
      int index = implementationParameter(lambda, samParameter);
      if (index < 0) {
        return erased;
      }
      declared = implementation.getGenericParameterTypes()[index];
    }
    return declared instanceof TypeVariable<?> ? erased : declared;
  }

  /**
   * The implementation method's parameter that receives the SAM's parameter {@code samParameter},
   * or -1 when it is the receiver of an instance method reference such as {@code String::length}.
   */
  private static int implementationParameter(SerializedLambda lambda, int samParameter) {
    int captured = lambda.getCapturedArgCount();
    int kind = lambda.getImplMethodKind();
    boolean hasReceiver = kind == MethodHandleInfo.REF_invokeVirtual
        || kind == MethodHandleInfo.REF_invokeInterface
        || kind == MethodHandleInfo.REF_invokeSpecial;
    if (!hasReceiver) {
      return captured + samParameter;
    }
    return captured > 0 ? captured - 1 + samParameter : samParameter - 1;
  }

  private static Method implementationMethod(SerializedLambda lambda, ClassLoader loader) {
    if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
      return null;
    }
    try {
      Class<?> owner = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      MethodType signature = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
      for (Method method : owner.getDeclaredMethods()) {
        if (method.getName().equals(lambda.getImplMethodName())
            && method.getReturnType() == signature.returnType()
            && Arrays.equals(method.getParameterTypes(), signature.parameterArray())) {
          return method;
        }
      }
      return null;
    } catch (ClassNotFoundException | TypeNotPresentException e) {
      return null;
    }
  }

  private static Optional<SerializedLambda> serializedLambda(Object function) {
    Class<?> type = function.getClass();
    if (!type.isSynthetic()) {
      return Optional.empty();
    }
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replacement = writeReplace.invoke(function);
      return replacement instanceof SerializedLambda lambda ? Optional.of(lambda) : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not a serializable lambda, or in a module that does not open it: nothing is known.
      return Optional.empty();
    }
  }

  private static Method singleAbstractMethod(Object function, Class<?> functionalInterface) {
    if (!functionalInterface.isInstance(function)) {
      throw new IllegalArgumentException(function.getClass().getName() + " does not implement "
          + functionalInterface.getName());
    }
    List<Method> abstractMethods = new ArrayList<>();
    for (Method method : functionalInterface.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers()) && !isObjectMethod(method)
          && abstractMethods.stream().noneMatch(m -> sameSignature(m, method))) {
        abstractMethods.add(method);
      }
    }
    if (abstractMethods.size() != 1) {
      throw new IllegalArgumentException(functionalInterface.getName()
          + " is not a functional interface: it has abstract methods " + abstractMethods);
    }
    return abstractMethods.get(0);
  }

  private static boolean sameSignature(Method a, Method b) {
    return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
  }

  private static boolean isObjectMethod(Method method) {
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** {@code raw}, or {@code raw<its own type variables>} when it is generic, to flag the erasure. */
  private static Type withOwnVariables(Class<?> raw) {
    TypeVariable<?>[] variables = raw.getTypeParameters();
    return variables.length == 0 ? raw : GenericTypes.parameterized(raw, (Type[]) variables);
  }

  private static Optional<TypeDescriptor<?>> useful(Type type) {
    if (type == Object.class || type == void.class || type instanceof TypeVariable<?>) {
      return Optional.empty();
    }
    return Optional.of(TypeDescriptor.of(type instanceof Class<?> c && c.isPrimitive() ? box(c) : type));
  }

  /** Elements are objects, so a primitive return or parameter type is reported as its box. */
  private static Class<?> box(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType();
  }
}
