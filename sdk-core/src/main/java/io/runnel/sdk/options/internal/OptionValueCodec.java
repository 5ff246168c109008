package io.runnel.sdk.options.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts option values between their command-line text and their Java type.
 *
 * <p>Supported types: {@code String}; the primitives and their boxes ({@code boolean} accepts only
 * {@code true}/{@code false}, any case); enums (constant name, any case when unambiguous); {@link
 * Duration} (see {@link DurationSyntax}); {@link Path}; and {@code List<E>} of any of these, written
 * comma-separated or by repeating the option. List elements cannot contain commas on the command
 * line (the map form of {@link OptionsMapForm} can carry them).
 *
 * <p>Errors are {@link IllegalArgumentException}s naming the option, the bad value and the
 * expected type (for enums, the allowed constants).
 */
public final class OptionValueCodec {
  private record Scalar(String description, Function<String, Object> parser) {}

  private static final Map<Class<?>, Scalar> SCALARS =
      Map.ofEntries(
          Map.entry(String.class, new Scalar("String", text -> text)),
          Map.entry(boolean.class, new Scalar("boolean (true or false)", OptionValueCodec::bool)),
          Map.entry(Boolean.class, new Scalar("boolean (true or false)", OptionValueCodec::bool)),
          Map.entry(int.class, new Scalar("int (32-bit integer)", Integer::valueOf)),
          Map.entry(Integer.class, new Scalar("int (32-bit integer)", Integer::valueOf)),
          Map.entry(long.class, new Scalar("long (64-bit integer)", Long::valueOf)),
          Map.entry(Long.class, new Scalar("long (64-bit integer)", Long::valueOf)),
          Map.entry(short.class, new Scalar("short (16-bit integer)", Short::valueOf)),
          Map.entry(Short.class, new Scalar("short (16-bit integer)", Short::valueOf)),
          Map.entry(byte.class, new Scalar("byte (8-bit integer)", Byte::valueOf)),
          Map.entry(Byte.class, new Scalar("byte (8-bit integer)", Byte::valueOf)),
          Map.entry(double.class, new Scalar("double (decimal number)", Double::valueOf)),
          Map.entry(Double.class, new Scalar("double (decimal number)", Double::valueOf)),
          Map.entry(float.class, new Scalar("float (decimal number)", Float::valueOf)),
          Map.entry(Float.class, new Scalar("float (decimal number)", Float::valueOf)),
          Map.entry(char.class, new Scalar("char (a single character)", OptionValueCodec::character)),
          Map.entry(Character.class, new Scalar("char (a single character)", OptionValueCodec::character)),
          Map.entry(Duration.class, new Scalar(DurationSyntax.DESCRIPTION, OptionValueCodec::duration)),
          Map.entry(Path.class, new Scalar("Path (file system path)", Path::of)));

  private OptionValueCodec() {}

  /** Whether options of this type can be parsed and serialized. */
  public static boolean isSupported(Type type) {
    Class<?> element = listElementOrNull(type);
    return element != null ? isSupportedScalar(element) : type instanceof Class<?> c && isSupportedScalar(c);
  }

  /** A one-line list of the supported types, for error messages. */
  public static String supportedTypesDescription() {
    return "String, primitives and their boxes, enums, java.time.Duration, java.nio.file.Path,"
        + " and List<E> of those";
  }

  /** Whether {@code type} is {@code boolean} or {@code Boolean}, so {@code --flag} alone means true. */
  public static boolean isBoolean(Type type) {
    return type == boolean.class || type == Boolean.class;
  }

  /** Whether {@code type} is a {@code List<E>}. */
  public static boolean isList(Type type) {
    return listElementOrNull(type) != null;
  }

  /** The type as shown to users, e.g. {@code int}, {@code List<String>}, {@code one of [A, B]}. */
  public static String describe(Type type) {
    Class<?> element = listElementOrNull(type);
    if (element != null) {
      return "List<" + element.getSimpleName() + "> (comma-separated, or repeat the option)";
    }
    Class<?> c = (Class<?>) type;
    if (c.isEnum()) {
      return "one of " + enumNames(c);
    }
    return SCALARS.get(c).description();
  }

  /** A short placeholder for the value in usage lines, e.g. {@code <int>}, {@code <A|B>}. */
  public static String placeholder(Type type) {
    Class<?> element = listElementOrNull(type);
    if (element != null) {
      return "<" + shortName(element) + ">[,...]";
    }
    Class<?> c = (Class<?>) type;
    if (c.isEnum()) {
      return "<" + String.join("|", enumNames(c)) + ">";
    }
    return "<" + shortName(c) + ">";
  }

  /**
   * Parses the values given for one option.
   *
   * @param option the option name, for messages
   * @param type the option's type; must be {@link #isSupported supported}
   * @param occurrences the texts given, in order; more than one only makes sense for a list
   * @throws IllegalArgumentException naming the option, the bad value and the expected type
   */
  public static Object parse(String option, Type type, List<String> occurrences) {
    Class<?> element = listElementOrNull(type);
    if (element != null) {
      List<Object> values = new ArrayList<>();
      for (String occurrence : occurrences) {
        if (!occurrence.isEmpty()) {
          for (String part : occurrence.split(",", -1)) {
            values.add(parseScalar(option, element, part));
          }
        }
      }
      return Collections.unmodifiableList(values);
    }
    if (occurrences.size() != 1) {
      throw new IllegalArgumentException(
          String.format(
              "Option --%s was given %d times (%s) but takes one value; pass it once.",
              option, occurrences.size(), String.join(", ", occurrences)));
    }
    return parseScalar(option, (Class<?>) type, occurrences.get(0));
  }

  /** Parses one scalar value (a list element, or the whole value of a non-list option). */
  static Object parseScalar(String option, Class<?> type, String text) {
    if (type.isEnum()) {
      return parseEnum(option, type, text);
    }
    try {
      return SCALARS.get(type).parser().apply(text);
    } catch (IllegalArgumentException e) { // includes NumberFormatException, InvalidPathException
      throw badValue(option, text, SCALARS.get(type).description(), placeholder(type));
    }
  }

  /**
   * The command-line text of a value: the inverse of {@link #parse} for one occurrence (lists are
   * joined with commas, durations are ISO-8601, enums their constant name).
   */
  public static String format(Type type, Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(OptionValueCodec::formatScalar).collect(Collectors.joining(","));
    }
    return formatScalar(value);
  }

  static String formatScalar(Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return String.valueOf(value);
  }

  /** The element type of a {@code List<E>} type, or null if {@code type} is not a list. */
  static Class<?> listElementOrNull(Type type) {
    if (type instanceof ParameterizedType p
        && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return null;
  }

  private static boolean isSupportedScalar(Class<?> c) {
    return c.isEnum() || SCALARS.containsKey(c);
  }

  private static Object parseEnum(String option, Class<?> type, String text) {
    Object[] constants = type.getEnumConstants();
    for (Object constant : constants) {
      if (((Enum<?>) constant).name().equals(text)) {
        return constant;
      }
    }
    List<Object> caseInsensitive =
        Arrays.stream(constants)
            .filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(text))
            .collect(Collectors.toList());
    if (caseInsensitive.size() == 1) {
      return caseInsensitive.get(0);
    }
    throw badValue(option, text, "one of " + enumNames(type), placeholder(type));
  }

  private static List<String> enumNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.toList());
  }

  private static IllegalArgumentException badValue(
      String option, String text, String expected, String placeholder) {
    return new IllegalArgumentException(
        String.format(
            "Invalid value '%s' for option --%s: expected %s. Fix: pass --%s=%s.",
            text, option, expected, option, placeholder));
  }

  private static Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean: " + text);
  }

  private static Character character(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("not a single character: " + text);
    }
    return text.charAt(0);
  }

  private static Duration duration(String text) {
    Duration duration = DurationSyntax.parseOrNull(text);
    if (duration == null) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    return duration;
  }

  private static String shortName(Class<?> c) {
    return c == Integer.class ? "int" : c.getSimpleName();
  }
}
