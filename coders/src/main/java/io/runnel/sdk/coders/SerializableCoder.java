package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.LengthPrefixed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Encodes any {@link Serializable} value with Java serialization, framed by a varint length. The
 * last resort of {@link CoderRegistry} inference: slow and large, and never deterministic (Java
 * serialization of equal objects can differ, for example in hash-ordered fields). Classes are
 * resolved with the record type's class loader, then the thread's context class loader. Null is
 * a value here, written as Java serialization writes it (as Beam's coder does), unlike the other
 * coders but {@link NullableCoder} and {@link VoidCoder}.
 */
public final class SerializableCoder<T extends Serializable> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  private SerializableCoder(Class<T> type) {
    this.type = type;
  }

  /** A coder for values of {@code type} and its subclasses. */
  public static <T extends Serializable> SerializableCoder<T> of(Class<T> type) {
    return new SerializableCoder<>(CoderPreconditions.checkArgumentNotNull(type, "type"));
  }

  /**
   * A coder for values of {@code type}'s raw class and its subclasses, as Beam's method of this
   * signature ({@code SerializableCoder.of(new TypeDescriptor<ArrayList<String>>() {})}).
   */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> SerializableCoder<T> of(
      io.runnel.sdk.values.TypeDescriptor<T> type) {
    return of((Class<T>) CoderPreconditions.checkArgumentNotNull(type, "type").getRawType());
  }

  /** The declared type of the values; decoded values are instances of it. */
  public Class<T> getRecordType() {
    return type;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    // Null is written as Java serialization writes it, and decodes to null, as in Beam.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    } catch (IOException e) {
      throw new CoderException(this + " cannot serialize " + value, e);
    }
    LengthPrefixed.write(bytes.toByteArray(), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    byte[] bytes = LengthPrefixed.read(in);
    Object value;
    try (ObjectInputStream objects = new ClassLoaderAwareObjectInputStream(bytes, type.getClassLoader())) {
      value = objects.readObject();
    } catch (ClassNotFoundException | IOException e) {
      throw new CoderException(this + " cannot deserialize its value", e);
    }
    if (value != null && !type.isInstance(value)) {
      throw new CoderException(this + " decoded a " + value.getClass().getName() + ", not a "
          + type.getName());
    }
    return type.cast(value);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "Java serialization is not deterministic");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerializableCoder<?> that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "SerializableCoder(" + type.getName() + ")";
  }

  /** Resolves classes with a given loader first, so user types load under any thread. */
  private static final class ClassLoaderAwareObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    ClassLoaderAwareObjectInputStream(byte[] bytes, ClassLoader loader) throws IOException {
      super(new ByteArrayInputStream(bytes));
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(description.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // Fall through: the class may live in a loader the record type's loader cannot see.
        }
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        try {
          return Class.forName(description.getName(), false, context);
        } catch (ClassNotFoundException e) {
          // Fall through to the default resolution, which also handles primitive types.
        }
      }
      return super.resolveClass(description);
    }
  }
}
