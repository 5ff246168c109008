package io.runnel.sdk.coders;

import com.google.protobuf.Message;
import io.runnel.sdk.values.KV;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The coders {@link CoderRegistry} knows without being told: atomic types, containers, fallbacks. */
final class BuiltInCoders {
  private BuiltInCoders() {}

  /**
   * Coders of the common atomic classes, registered by {@link CoderRegistry#createDefault()}.
   * Primitives map to the coder of their box, since elements are always boxed.
   */
  static final Map<Class<?>, Coder<?>> ATOMIC = Map.ofEntries(
      Map.entry(int.class, VarIntCoder.of()),
      Map.entry(long.class, VarLongCoder.of()),
      Map.entry(double.class, DoubleCoder.of()),
      Map.entry(float.class, FloatCoder.of()),
      Map.entry(boolean.class, BooleanCoder.of()),
      Map.entry(byte.class, ByteCoder.of()),
      Map.entry(void.class, VoidCoder.of()),
      Map.entry(short.class, BigEndianShortCoder.of()),
      Map.entry(Short.class, BigEndianShortCoder.of()),
      Map.entry(java.math.BigInteger.class, BigIntegerCoder.of()),
      Map.entry(java.math.BigDecimal.class, BigDecimalCoder.of()),
      Map.entry(String.class, StringUtf8Coder.of()),
      Map.entry(Integer.class, VarIntCoder.of()),
      Map.entry(Long.class, VarLongCoder.of()),
      Map.entry(Double.class, DoubleCoder.of()),
      Map.entry(Float.class, FloatCoder.of()),
      Map.entry(Boolean.class, BooleanCoder.of()),
      Map.entry(Byte.class, ByteCoder.of()),
      Map.entry(byte[].class, ByteArrayCoder.of()),
      Map.entry(Void.class, VoidCoder.of()),
      Map.entry(Instant.class, InstantCoder.of()),
      Map.entry(Duration.class, DurationCoder.of()));

  /**
   * Container coders by the raw class they decode to an instance of, from the component coders.
   * Only classes the decoded value ({@code ArrayList}, {@code LinkedHashSet}, {@code
   * LinkedHashMap}) is an instance of are listed, so a decoded value always fits the type.
   */
  private static final Map<Class<?>, Function<List<? extends Coder<?>>, Coder<?>>> CONTAINERS = Map.ofEntries(
      Map.entry(KV.class, c -> KvCoder.of(c.get(0), c.get(1))),
      Map.entry(Iterable.class, c -> IterableCoder.of(c.get(0))),
      Map.entry(Collection.class, c -> ListCoder.of(c.get(0))),
      Map.entry(List.class, c -> ListCoder.of(c.get(0))),
      Map.entry(ArrayList.class, c -> ListCoder.of(c.get(0))),
      Map.entry(Set.class, c -> SetCoder.of(c.get(0))),
      Map.entry(HashSet.class, c -> SetCoder.of(c.get(0))),
      Map.entry(LinkedHashSet.class, c -> SetCoder.of(c.get(0))),
      Map.entry(Map.class, c -> MapCoder.of(c.get(0), c.get(1))),
      Map.entry(HashMap.class, c -> MapCoder.of(c.get(0), c.get(1))),
      Map.entry(LinkedHashMap.class, c -> MapCoder.of(c.get(0), c.get(1))),
      Map.entry(java.util.Optional.class, c -> OptionalCoder.of(c.get(0))));

  /** The container coder for {@code raw}, or null when it is not a known container. */
  static Coder<?> container(Class<?> raw, List<? extends Coder<?>> componentCoders) {
    Function<List<? extends Coder<?>>, Coder<?>> factory = CONTAINERS.get(raw);
    return factory == null ? null : factory.apply(componentCoders);
  }

  /**
   * The coder named by {@code raw}'s {@link DefaultCoder} annotation, or null when there is none.
   *
   * @throws CannotProvideCoderException when the named coder class has no usable factory
   */
  static Coder<?> fromAnnotation(Class<?> raw) throws CannotProvideCoderException {
    DefaultCoder annotation = raw.getAnnotation(DefaultCoder.class);
    if (annotation == null) {
      return null;
    }
    Class<?> coderClass = annotation.value();
    String use = "@DefaultCoder(" + coderClass.getSimpleName() + ".class) on " + raw.getName();
    try {
      Method ofClass = findStaticOf(coderClass, Class.class);
      Object coder = ofClass != null ? ofClass.invoke(null, raw) : invokeOf(coderClass, use);
      return (Coder<?>) coder;
    } catch (IllegalAccessException | InvocationTargetException | ClassCastException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new CannotProvideCoderException(use + " could not make a coder: " + cause, cause);
    }
  }

  /** SerializableCoder or ProtoCoder for a concrete class, or null when neither applies. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Coder<?> fallback(Class<?> raw) {
    boolean concrete = raw.isArray() || !(raw.isInterface() || Modifier.isAbstract(raw.getModifiers()));
    if (!concrete || raw.isPrimitive()) {
      return null;
    }
    if (Message.class.isAssignableFrom(raw)) {
      return ProtoCoder.of((Class<? extends Message>) raw);
    }
    if (Serializable.class.isAssignableFrom(raw)) {
      return SerializableCoder.of((Class) raw);
    }
    return null;
  }

  private static Object invokeOf(Class<?> coderClass, String use)
      throws CannotProvideCoderException, IllegalAccessException, InvocationTargetException {
    Method of = findStaticOf(coderClass);
    if (of == null) {
      throw new CannotProvideCoderException(use + " names a coder class with no public static of(Class) or of()");
    }
    return of.invoke(null);
  }

  private static Method findStaticOf(Class<?> coderClass, Class<?>... parameterTypes) {
    try {
      Method method = coderClass.getMethod("of", parameterTypes);
      return Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
