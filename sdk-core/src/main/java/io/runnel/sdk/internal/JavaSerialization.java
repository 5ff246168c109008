package io.runnel.sdk.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialization of user functions (DoFns, CombineFns, coders), with errors that say which
 * object could not be serialized and how to fix it.
 */
public final class JavaSerialization {
  private JavaSerialization() {}

  /**
   * Serializes {@code value}, described as {@code what} (e.g. "DoFn MyFn of ParDo(MyFn)").
   *
   * @throws IllegalArgumentException naming {@code what} and the class that is not serializable
   */
  public static byte[] serialize(Serializable value, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("Unable to serialize " + what + ": it holds an object of"
          + " class " + e.getMessage() + ", which is not Serializable. Mark the field transient"
          + " and create it in @Setup, or make the class Serializable.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Unable to serialize " + what + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  /** Deserializes bytes made by {@link #serialize}, with the thread's context class loader. */
  public static Object deserialize(byte[] bytes, String what) {
    try (ObjectInputStream in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("Unable to deserialize " + what + ": " + e, e);
    }
  }

  /** A deep copy through serialization. */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> T clone(T value, String what) {
    return (T) deserialize(serialize(value, what), what);
  }

  private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {
    ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall back to the default resolution below
        }
      }
      return super.resolveClass(desc);
    }
  }
}
