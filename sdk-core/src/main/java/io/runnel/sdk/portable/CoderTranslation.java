package io.runnel.sdk.portable;

import io.runnel.sdk.coders.BigEndianIntegerCoder;
import io.runnel.sdk.coders.BigEndianLongCoder;
import io.runnel.sdk.coders.BooleanCoder;
import io.runnel.sdk.coders.ByteArrayCoder;
import io.runnel.sdk.coders.ByteCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.DurationCoder;
import io.runnel.sdk.coders.FloatCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.MapCoder;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.coders.SetCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.portable.StandardUrns.Coders;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates coders to and from {@code runnel.v1.Coder}. The standard coders of {@code
 * io.runnel.sdk.coders} (and the window coders) get their URN in {@link StandardUrns.Coders} and
 * their component coders by id; any other coder is Java-serialized. Stateless and thread-safe.
 */
public final class CoderTranslation {
  /** The URN of each standard coder class; subclasses are not standard. */
  private static final Map<Class<?>, String> URNS = Map.ofEntries(
      Map.entry(ByteArrayCoder.class, Coders.BYTES),
      Map.entry(StringUtf8Coder.class, Coders.STRING_UTF8),
      Map.entry(VarIntCoder.class, Coders.VARINT),
      Map.entry(VarLongCoder.class, Coders.VARLONG),
      Map.entry(BigEndianIntegerCoder.class, Coders.BIG_ENDIAN_INT),
      Map.entry(BigEndianLongCoder.class, Coders.BIG_ENDIAN_LONG),
      Map.entry(ByteCoder.class, Coders.BYTE),
      Map.entry(DoubleCoder.class, Coders.DOUBLE),
      Map.entry(FloatCoder.class, Coders.FLOAT),
      Map.entry(BooleanCoder.class, Coders.BOOL),
      Map.entry(VoidCoder.class, Coders.VOID),
      Map.entry(InstantCoder.class, Coders.INSTANT),
      Map.entry(DurationCoder.class, Coders.DURATION),
      Map.entry(KvCoder.class, Coders.KV),
      Map.entry(IterableCoder.class, Coders.ITERABLE),
      Map.entry(ListCoder.class, Coders.LIST),
      Map.entry(SetCoder.class, Coders.SET),
      Map.entry(MapCoder.class, Coders.MAP),
      Map.entry(NullableCoder.class, Coders.NULLABLE),
      Map.entry(GlobalWindow.Coder.class, Coders.GLOBAL_WINDOW),
      Map.entry(IntervalWindow.Coder.class, Coders.INTERVAL_WINDOW));

  /** Builds each standard coder from its components, which have been checked for number. */
  private static final Map<String, StandardCoder> FACTORIES = Map.ofEntries(
      atomic(Coders.BYTES, ByteArrayCoder.of()),
      atomic(Coders.STRING_UTF8, StringUtf8Coder.of()),
      atomic(Coders.VARINT, VarIntCoder.of()),
      atomic(Coders.VARLONG, VarLongCoder.of()),
      atomic(Coders.BIG_ENDIAN_INT, BigEndianIntegerCoder.of()),
      atomic(Coders.BIG_ENDIAN_LONG, BigEndianLongCoder.of()),
      atomic(Coders.BYTE, ByteCoder.of()),
      atomic(Coders.DOUBLE, DoubleCoder.of()),
      atomic(Coders.FLOAT, FloatCoder.of()),
      atomic(Coders.BOOL, BooleanCoder.of()),
      atomic(Coders.VOID, VoidCoder.of()),
      atomic(Coders.INSTANT, InstantCoder.of()),
      atomic(Coders.DURATION, DurationCoder.of()),
      atomic(Coders.GLOBAL_WINDOW, GlobalWindow.Coder.INSTANCE),
      atomic(Coders.INTERVAL_WINDOW, IntervalWindow.getCoder()),
      Map.entry(Coders.KV, new StandardCoder(2, c -> KvCoder.of(c.get(0), c.get(1)))),
      Map.entry(Coders.MAP, new StandardCoder(2, c -> MapCoder.of(c.get(0), c.get(1)))),
      Map.entry(Coders.ITERABLE, new StandardCoder(1, c -> IterableCoder.of(c.get(0)))),
      Map.entry(Coders.LIST, new StandardCoder(1, c -> ListCoder.of(c.get(0)))),
      Map.entry(Coders.SET, new StandardCoder(1, c -> SetCoder.of(c.get(0)))),
      Map.entry(Coders.NULLABLE, new StandardCoder(1, c -> NullableCoder.of(c.get(0)))));

  private CoderTranslation() {}

  /**
   * The portable form of {@code coder}; its component coders are registered in {@code
   * components}.
   *
   * @throws IllegalArgumentException if the coder is not standard and not serializable
   */
  public static io.runnel.sdk.portable.proto.Coder toProto(Coder<?> coder, SdkComponents components) {
    String urn = URNS.get(coder.getClass());
    io.runnel.sdk.portable.proto.Coder.Builder proto = io.runnel.sdk.portable.proto.Coder.newBuilder();
    if (urn == null) {
      byte[] bytes = JavaSerialization.serialize(coder, "coder " + coder);
      return proto.setSpec(Specs.of(Coders.JAVA_SERIALIZED, bytes)).build();
    }
    proto.setSpec(FunctionSpec.newBuilder().setUrn(urn));
    for (Coder<?> component : coder.getCoderArguments()) {
      proto.addComponentCoderIds(components.registerCoder(component));
    }
    return proto.build();
  }

  /**
   * The coder {@code proto} describes; components are read through {@code components}.
   *
   * @throws IllegalArgumentException for an unknown URN, a wrong number of components or an
   *     undeserializable payload; the caller adds the coder's id
   */
  public static Coder<?> fromProto(
      io.runnel.sdk.portable.proto.Coder proto, RehydratedComponents components) {
    String urn = proto.getSpec().getUrn();
    if (urn.equals(Coders.JAVA_SERIALIZED)) {
      Object coder = JavaSerialization.deserialize(proto.getSpec().getPayload().toByteArray(), "coder");
      if (!(coder instanceof Coder<?> typed)) {
        throw new IllegalArgumentException("the payload is a " + coder.getClass().getName()
            + ", not a Coder");
      }
      return typed;
    }
    StandardCoder factory = FACTORIES.get(urn);
    if (factory == null) {
      throw new IllegalArgumentException("unknown coder URN '" + urn + "'; known: "
          + FACTORIES.keySet() + " and " + Coders.JAVA_SERIALIZED);
    }
    if (proto.getComponentCoderIdsCount() != factory.components()) {
      throw new IllegalArgumentException(urn + " needs " + factory.components()
          + " component coders but has " + proto.getComponentCoderIdsList());
    }
    List<Coder<?>> arguments = new ArrayList<>();
    for (String componentId : proto.getComponentCoderIdsList()) {
      arguments.add(components.getCoder(componentId));
    }
    return factory.build().apply(arguments);
  }

  /** The readable base of {@code coder}'s id: the URN's name, or the coder's class name. */
  static String idBase(Coder<?> coder, io.runnel.sdk.portable.proto.Coder proto) {
    String urn = proto.getSpec().getUrn();
    return urn.equals(Coders.JAVA_SERIALIZED)
        ? coder.getClass().getSimpleName().isEmpty() ? "coder" : coder.getClass().getSimpleName()
        : SdkComponents.lastUrnSegment(urn);
  }

  private static Map.Entry<String, StandardCoder> atomic(String urn, Coder<?> coder) {
    return Map.entry(urn, new StandardCoder(0, c -> coder));
  }

  private record StandardCoder(int components, Function<List<Coder<?>>, Coder<?>> build) {}
}
