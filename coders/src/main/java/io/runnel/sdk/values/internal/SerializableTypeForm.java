package io.runnel.sdk.values.internal;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.List;

/**
 * A serializable stand-in for a {@link Type}, whose JDK implementations are not serializable.
 * {@link #of} captures a type's structure; {@link #toType} rebuilds an equal type, finding type
 * variables again on the class, method or constructor that declares them.
 */
public sealed interface SerializableTypeForm extends Serializable {

  /** Rebuilds the type. */
  Type toType() throws InvalidObjectException;

  /** Captures {@code type}. */
  static SerializableTypeForm of(Type type) {
    if (type instanceof Class<?> c) {
      return new ClassForm(c);
    } else if (type instanceof ParameterizedType p) {
      return new ParameterizedForm((Class<?>) p.getRawType(),
          p.getOwnerType() == null ? null : of(p.getOwnerType()), ofAll(p.getActualTypeArguments()));
    } else if (type instanceof GenericArrayType a) {
      return new ArrayForm(of(a.getGenericComponentType()));
    } else if (type instanceof WildcardType w) {
      return new WildcardForm(ofAll(w.getUpperBounds()), ofAll(w.getLowerBounds()));
    } else if (type instanceof TypeVariable<?> v) {
      return VariableForm.of(v);
    }
    throw new IllegalArgumentException("cannot serialize a " + type.getClass().getName() + ": " + type);
  }

  private static List<SerializableTypeForm> ofAll(Type[] types) {
    return Arrays.stream(types).map(SerializableTypeForm::of).toList();
  }

  private static Type[] toTypes(List<SerializableTypeForm> forms) throws InvalidObjectException {
    Type[] types = new Type[forms.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = forms.get(i).toType();
    }
    return types;
  }

  /** A class, array class or primitive. */
  record ClassForm(Class<?> type) implements SerializableTypeForm {
    @Override
    public Type toType() {
      return type;
    }
  }

  /** A parameterized type. */
  record ParameterizedForm(Class<?> raw, SerializableTypeForm owner, List<SerializableTypeForm> arguments)
      implements SerializableTypeForm {
    @Override
    public Type toType() throws InvalidObjectException {
      return GenericTypes.parameterizedWithOwner(raw, owner == null ? null : owner.toType(), toTypes(arguments));
    }
  }

  /** A generic array type. */
  record ArrayForm(SerializableTypeForm component) implements SerializableTypeForm {
    @Override
    public Type toType() throws InvalidObjectException {
      return GenericTypes.arrayOf(component.toType());
    }
  }

  /** A wildcard. */
  record WildcardForm(List<SerializableTypeForm> upper, List<SerializableTypeForm> lower)
      implements SerializableTypeForm {
    @Override
    public Type toType() throws InvalidObjectException {
      return GenericTypes.wildcard(toTypes(upper), toTypes(lower));
    }
  }

  /**
   * A type variable, by name and declaration: a class, or a method or constructor of
   * {@code declaringClass} (then {@code executableName} and {@code parameterTypes} are set).
   */
  record VariableForm(Class<?> declaringClass, String executableName, Class<?>[] parameterTypes, String name)
      implements SerializableTypeForm {

    static VariableForm of(TypeVariable<?> variable) {
      GenericDeclaration declaration = variable.getGenericDeclaration();
      if (declaration instanceof Class<?> c) {
        return new VariableForm(c, null, null, variable.getName());
      }
      Executable executable = (Executable) declaration;
      String executableName = executable instanceof java.lang.reflect.Constructor<?> ? "<init>" : executable.getName();
      return new VariableForm(executable.getDeclaringClass(), executableName,
          executable.getParameterTypes(), variable.getName());
    }

    @Override
    public Type toType() throws InvalidObjectException {
      GenericDeclaration declaration;
      try {
        if (executableName == null) {
          declaration = declaringClass;
        } else if (executableName.equals("<init>")) {
          declaration = declaringClass.getDeclaredConstructor(parameterTypes);
        } else {
          declaration = declaringClass.getDeclaredMethod(executableName, parameterTypes);
        }
      } catch (NoSuchMethodException e) {
        throw new InvalidObjectException("the declaration of type variable " + name + " in "
            + declaringClass.getName() + " no longer exists: " + e.getMessage());
      }
      for (TypeVariable<?> variable : declaration.getTypeParameters()) {
        if (variable.getName().equals(name)) {
          return variable;
        }
      }
      throw new InvalidObjectException("type variable " + name + " no longer exists on " + declaration);
    }
  }
}
