package io.runnel.sdk.options.internal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --name=value} arguments against the registered options.
 *
 * <p>Rules: every argument starts with {@code --}; {@code --name value} (two arguments) is not
 * supported, as in Beam; a boolean option given alone ({@code --flag}) is true; a list option may
 * be repeated and each occurrence is comma-separated; any other option given twice is an error.
 * {@code --help} is not handled here (see {@link #helpRequest}).
 */
public final class CommandLineParser {
  private CommandLineParser() {}

  /**
   * What follows {@code --help} in the first help argument: empty for a plain {@code --help}, the
   * interface name for {@code --help=Name}, or null if no argument asks for help.
   */
  public static String helpRequest(String... args) {
    for (String arg : args) {
      if ("--help".equals(arg)) {
        return "";
      }
      if (arg != null && arg.startsWith("--help=")) {
        return arg.substring("--help=".length());
      }
    }
    return null;
  }

  /**
   * The typed value of every option given, by name.
   *
   * @throws IllegalArgumentException for an argument not starting with {@code --}, an unknown
   *     option (with the closest known names), a missing or bad value, or a repeated non-list option
   */
  public static Map<String, Object> parse(OptionsRegistry registry, String... args) {
    Map<String, List<String>> occurrences = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg == null) {
        throw new IllegalArgumentException("Argument " + i + " is null; pass options as --name=value.");
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw notAnOption(args, i);
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "Argument '" + arg + "' has no option name; pass options as --name=value.");
      }
      Type type = registry.typeOf(name);
      if (type == null) {
        throw unknownOption(registry, name);
      }
      String value = equals < 0 ? null : arg.substring(equals + 1);
      if (value == null) {
        if (!OptionValueCodec.isBoolean(type)) {
          String message =
              String.format(
                  "Option --%s needs a value: pass --%s=%s (expected %s).",
                  name, name, OptionValueCodec.placeholder(type), OptionValueCodec.describe(type));
          if (i + 1 < args.length && args[i + 1] != null && !args[i + 1].startsWith("--")) {
            message += spaceSeparatedHint(arg, args[i + 1]);
          }
          throw new IllegalArgumentException(message);
        }
        value = "true";
      }
      occurrences.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    occurrences.forEach(
        (name, texts) -> values.put(name, OptionValueCodec.parse(name, registry.typeOf(name), texts)));
    return values;
  }

  private static IllegalArgumentException notAnOption(String[] args, int i) {
    String message =
        String.format(
            "Argument '%s' is not an option: options are passed as --name=value.", args[i]);
    if (i > 0 && args[i - 1] != null && args[i - 1].startsWith("--") && !args[i - 1].contains("=")) {
      message += spaceSeparatedHint(args[i - 1], args[i]);
    }
    return new IllegalArgumentException(message);
  }

  private static String spaceSeparatedHint(String option, String value) {
    return String.format(
        " The form '--name value' is not supported; did you mean '%s=%s'?", option, value);
  }

  private static IllegalArgumentException unknownOption(OptionsRegistry registry, String name) {
    List<String> closest = registry.closestOptionNames(name);
    StringBuilder message = new StringBuilder("Unknown option --").append(name).append('.');
    if (!closest.isEmpty()) {
      message.append(" Did you mean ");
      for (int i = 0; i < closest.size(); i++) {
        message.append(i == 0 ? "" : i == closest.size() - 1 ? " or " : ", ").append("--").append(closest.get(i));
      }
      message.append('?');
    }
    message.append(
        " Run with --help to list the options; an option of your own needs its interface registered"
            + " (PipelineOptionsFactory.register, or a PipelineOptionsRegistrar).");
    return new IllegalArgumentException(message.toString());
  }
}
