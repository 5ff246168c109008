package io.runnel.sdk.values;

import io.runnel.sdk.values.internal.GenericTypes;
import io.runnel.sdk.values.internal.SerializableTypeForm;
import io.runnel.sdk.values.internal.TypeVariableResolver;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Objects;

/**
 * A full Java type, generics included, that survives erasure, as Beam's {@code TypeDescriptor}.
 * Capture one with an anonymous subclass, {@code new TypeDescriptor<KV<String, Long>>() {}}, or
 * build one with {@link #of(Class)}, {@link #of(Type)} or {@link TypeDescriptors}.
 *
 * <p>Inside a generic class, {@code new TypeDescriptor<InputT>(getClass()) {}} captures the
 * variable {@code InputT} and resolves it against the runtime class of the instance, which is how
 * a {@code DoFn} learns its element types. What cannot be resolved stays a type variable: see
 * {@link #hasUnresolvedParameters()}.
 *
 * <p>Immutable and thread-safe. Equality is that of the described types, whichever way the
 * descriptor was made. Serializable, although {@link Type}s are not: the type is written as its
 * structure and rebuilt on reading.
 *
 * @param <T> the described type
 */
public abstract class TypeDescriptor<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient Type type;

  /**
   * Captures the type argument of an anonymous subclass: {@code new TypeDescriptor<List<String>>()
   * {}}.
   *
   * @throws IllegalStateException when the subclass does not give a type argument
   */
  protected TypeDescriptor() {
    this.type = capturedTypeArgument();
  }

  /**
   * Captures the type argument of an anonymous subclass and resolves its type variables against
   * {@code instanceClass}: in {@code class DoFn<InputT, OutputT>}, {@code new
   * TypeDescriptor<InputT>(getClass()) {}} describes {@code String} for {@code class MyFn extends
   * DoFn<String, Long>}.
   */
  protected TypeDescriptor(Class<?> instanceClass) {
    Objects.requireNonNull(instanceClass, "instanceClass");
    this.type = TypeVariableResolver.substitute(capturedTypeArgument(), TypeVariableResolver.bindingsOf(instanceClass));
  }

  /** As {@link #TypeDescriptor(Class)}, against the class of {@code instance}. */
  protected TypeDescriptor(Object instance) {
    this(instance.getClass());
  }

  private TypeDescriptor(Type type) {
    this.type = type;
  }

  /** Describes {@code type}, which may be generic, such as {@code List.class}. */
  public static <T> TypeDescriptor<T> of(Class<T> type) {
    return new Simple<>(Objects.requireNonNull(type, "type"));
  }

  /** Describes {@code type}, which may be parameterized or mention type variables. */
  public static TypeDescriptor<?> of(Type type) {
    return new Simple<>(Objects.requireNonNull(type, "type"));
  }

  /**
   * The type argument at {@code index} of {@code genericSuper} as {@code concreteClass} binds it,
   * through its whole class hierarchy: for {@code class MyFn extends DoFn<String, KV<String,
   * Long>>}, index 1 of {@code DoFn} is {@code KV<String, Long>}. The result has unresolved
   * parameters when the hierarchy does not bind the argument (a raw supertype, or a variable of
   * {@code concreteClass} itself).
   *
   * @throws IllegalArgumentException when {@code concreteClass} is not a subtype of
   *     {@code genericSuper} or {@code index} is not one of its type parameters
   */
  public static TypeDescriptor<?> resolveSupertypeArgument(Class<?> concreteClass, Class<?> genericSuper, int index) {
    TypeVariable<?>[] parameters = genericSuper.getTypeParameters();
    if (index < 0 || index >= parameters.length) {
      throw new IllegalArgumentException(genericSuper.getName() + " has " + parameters.length
          + " type parameters; there is no index " + index);
    }
    Type supertype = TypeVariableResolver.supertype(concreteClass, genericSuper);
    if (supertype == null) {
      throw new IllegalArgumentException(concreteClass.getName() + " is not a subtype of " + genericSuper.getName());
    }
    if (supertype instanceof ParameterizedType p) {
      return of(p.getActualTypeArguments()[index]);
    }
    return of(parameters[index]);
  }

  /** The described type. */
  public Type getType() {
    return type;
  }

  /** The erasure of the described type: {@code List} for {@code List<String>}. */
  @SuppressWarnings("unchecked")
  public Class<? super T> getRawType() {
    return (Class<? super T>) GenericTypes.rawType(type);
  }

  /**
   * The type parameter {@code name} of the raw type, such as {@code K} of {@code KV}.
   *
   * @throws IllegalArgumentException when the raw type has no parameter of that name
   */
  @SuppressWarnings("unchecked")
  public TypeVariable<Class<? super T>> getTypeParameter(String name) {
    for (TypeVariable<?> variable : getRawType().getTypeParameters()) {
      if (variable.getName().equals(name)) {
        return (TypeVariable<Class<? super T>>) variable;
      }
    }
    throw new IllegalArgumentException(getRawType().getName() + " has no type parameter named " + name);
  }

  /**
   * {@code type} with the type variables of this type and of its supertypes replaced by what this
   * type binds them to: on the descriptor of {@code MyFn extends DoFn<String, Long>}, resolving
   * {@code DoFn}'s {@code InputT} gives {@code String}. Variables not bound stay as they are.
   */
  public TypeDescriptor<?> resolveType(Type type) {
    return of(TypeVariableResolver.substitute(type, TypeVariableResolver.bindingsOf(this.type)));
  }

  /**
   * This type viewed as its supertype {@code superclass}, with arguments resolved: {@code
   * ArrayList<String>} as {@code List} is {@code List<String>}.
   *
   * @throws IllegalArgumentException when {@code superclass} is not a supertype of this type
   */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<? super T> getSupertype(Class<? super T> superclass) {
    Type supertype = TypeVariableResolver.supertype(type, superclass);
    if (supertype == null) {
      throw new IllegalArgumentException(superclass.getName() + " is not a supertype of " + this);
    }
    return (TypeDescriptor<? super T>) of(supertype);
  }

  /** Whether the raw type of this descriptor is {@code other}'s raw type or a subtype of it. */
  public boolean isSubtypeOf(TypeDescriptor<?> other) {
    return other.getRawType().isAssignableFrom(getRawType());
  }

  /**
   * Whether the type mentions a type variable anywhere, as {@code KV<String, T>} does: its full
   * type was erased (for example resolved from a generic {@code DoFn<T, T>}). As in Beam, a raw
   * class such as {@code TypeDescriptor.of(List.class)} has none, although it is not fully known.
   */
  public boolean hasUnresolvedParameters() {
    return GenericTypes.hasTypeVariable(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeDescriptor<?> other && type.equals(other.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  /** The type's name as {@link Type#getTypeName()} gives it, such as {@code java.util.List<T>}. */
  @Override
  public String toString() {
    return type.getTypeName();
  }

  /** Writes the type's structure, since {@link Type}s are not serializable. */
  protected final Object writeReplace() throws ObjectStreamException {
    return new SerializedForm(SerializableTypeForm.of(type));
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a TypeDescriptor is read through its serialized form");
  }

  private Type capturedTypeArgument() {
    Type supertype = TypeVariableResolver.supertype(getClass(), TypeDescriptor.class);
    if (supertype instanceof ParameterizedType p) {
      Type argument = p.getActualTypeArguments()[0];
      if (!(argument instanceof TypeVariable<?> v && v.getGenericDeclaration() == TypeDescriptor.class)) {
        return argument;
      }
    }
    throw new IllegalStateException(getClass().getName() + " does not give TypeDescriptor a type argument;"
        + " create it as an anonymous subclass, e.g. new TypeDescriptor<KV<String, Long>>() {}");
  }

  /** A descriptor made from a {@link Type} rather than captured. */
  private static final class Simple<T> extends TypeDescriptor<T> {
    private static final long serialVersionUID = 1L;

    Simple(Type type) {
      super(type);
    }
  }

  /** The serialized form of every descriptor: the structure of its type. */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SerializableTypeForm form;

    SerializedForm(SerializableTypeForm form) {
      this.form = form;
    }

    private Object readResolve() throws ObjectStreamException {
      return of(form.toType());
    }
  }
}
