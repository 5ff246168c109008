package io.runnel.sdk.options;

import io.runnel.sdk.options.internal.CommandLineParser;
import io.runnel.sdk.options.internal.HelpFormatter;
import io.runnel.sdk.options.internal.OptionsInterfaceModel;
import io.runnel.sdk.options.internal.OptionsInvocationHandler;
import io.runnel.sdk.options.internal.OptionsRegistry;
import io.runnel.sdk.options.internal.OptionsState;
import io.runnel.sdk.options.internal.RequiredOptionsValidator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Creates {@link PipelineOptions} from command-line arguments, from a string map, or empty.
 *
 * <pre>{@code
 * MyOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(MyOptions.class);
 * }</pre>
 *
 * <h2>Command-line syntax</h2>
 *
 * <ul>
 *   <li>Every argument is {@code --name=value}. The two-argument form {@code --name value} is not
 *       supported (as in Beam); an argument not starting with {@code --} is an error.
 *   <li>A boolean option alone, {@code --enforceImmutability}, means true.
 *   <li>A {@code List} option takes comma-separated values and may be repeated: {@code --tag=a,b
 *       --tag=c} gives {@code [a, b, c]}; {@code --tag=} gives the empty list. Any other option
 *       given twice is an error.
 *   <li>Enums take the constant name (any case when unambiguous). Durations take ISO-8601 ({@code
 *       PT5M}) or a short form ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, {@code 2d}).
 *   <li>{@code --help} lists every registered interface's options; {@code --help=Name} (simple or
 *       fully qualified interface name) lists one interface's. Instead of printing and exiting the
 *       JVM as Beam does, {@link Builder#as} throws {@link HelpRequestedException} carrying the
 *       listing: a command-line tool prints {@link HelpRequestedException#getHelpText()} and exits
 *       with status 0.
 * </ul>
 *
 * <p>An option can be given on the command line if its interface is registered: {@link
 * PipelineOptions} always is; so are interfaces contributed through a {@link
 * PipelineOptionsRegistrar}, passed to {@link #register}, or passed to {@link Builder#as} or
 * {@link PipelineOptions#as} (from then on). Every error is an {@link IllegalArgumentException}
 * naming the option and the fix; an unknown option's error suggests the closest known names.
 *
 * <p>All methods are thread-safe.
 */
public final class PipelineOptionsFactory {
  private PipelineOptionsFactory() {}

  /** Options with every value at its default, viewed as {@link PipelineOptions}. */
  public static PipelineOptions create() {
    return new Builder(new String[0], false).create();
  }

  /**
   * Options with every value at its default, viewed through {@code kls}; required options are not
   * checked.
   *
   * @throws IllegalArgumentException if {@code kls} is not a well-formed options interface
   */
  public static <T extends PipelineOptions> T as(Class<T> kls) {
    return new Builder(new String[0], false).as(kls);
  }

  /** A builder of options from {@code args}; nothing is parsed until {@link Builder#as} or {@link Builder#create}. */
  public static Builder fromArgs(String... args) {
    Objects.requireNonNull(args, "args");
    return new Builder(args.clone(), false);
  }

  /**
   * Registers an options interface so that its options are accepted by {@link #fromArgs} and
   * listed by {@code --help}. Registering twice is harmless.
   *
   * @throws IllegalArgumentException naming the interface and the method at fault if the
   *     interface is malformed: a method that is neither getter nor setter, a getter without a
   *     setter (or the reverse), getter and setter of different types, an unsupported type, a
   *     default that does not fit, or an option whose type differs from the same option in
   *     another registered interface
   */
  public static void register(Class<? extends PipelineOptions> iface) {
    OptionsRegistry.global().register(Objects.requireNonNull(iface, "iface"));
  }

  /** The registered options interfaces, {@link PipelineOptions} first. */
  public static Set<Class<? extends PipelineOptions>> getRegisteredOptions() {
    return new LinkedHashSet<>(OptionsRegistry.global().interfaces());
  }

  /**
   * The options that were set, as strings by option name, sorted: the form in which options are
   * shipped to workers. Values are in command-line syntax, except lists, which are JSON arrays
   * of strings so that any element round-trips. Static {@code @Default} values and options set to
   * null are left out; a {@link Default.InstanceFactory} default is included once it has been
   * computed. {@link #fromMap} is the inverse.
   *
   * @throws IllegalArgumentException if {@code options} was not created by this factory
   */
  public static Map<String, String> toMap(PipelineOptions options) {
    return stateOf(options).toStringMap();
  }

  /**
   * Rebuilds options from {@link #toMap}, viewed as {@link PipelineOptions}. Values of registered
   * options are checked now. Values of options no registered interface declares are kept as
   * text, converted when a view declaring them first reads them, and written out again by
   * {@link #toMap}: a worker that lacks some interface passes its options on intact.
   *
   * @throws IllegalArgumentException naming an option whose value does not fit its type
   */
  public static PipelineOptions fromMap(Map<String, String> map) {
    OptionsRegistry registry = OptionsRegistry.global();
    return OptionsState.fromStringMap(map, registry).view(PipelineOptions.class, registry);
  }

  /** Prints the {@code --help} listing of every registered, non-hidden interface. */
  public static void printHelp(PrintStream out) {
    out.print(HelpFormatter.allInterfaces(OptionsRegistry.global()));
  }

  /** Prints the {@code --help} listing of one interface, inherited options included. */
  public static void printHelp(PrintStream out, Class<? extends PipelineOptions> iface) {
    out.print(HelpFormatter.oneInterface(OptionsRegistry.global().register(iface)));
  }

  private static OptionsState stateOf(PipelineOptions options) {
    OptionsState state = OptionsInvocationHandler.stateOf(Objects.requireNonNull(options, "options"));
    if (state == null) {
      throw new IllegalArgumentException(
          options.getClass().getName() + " was not created by PipelineOptionsFactory; create"
              + " options with PipelineOptionsFactory.fromArgs(...) or PipelineOptionsFactory.as(...).");
    }
    return state;
  }

  /**
   * Builds options from command-line arguments. Immutable; each method returns a new builder.
   */
  public static final class Builder {
    private final String[] args;
    private final boolean validation;

    private Builder(String[] args, boolean validation) {
      this.args = args;
      this.validation = validation;
    }

    /**
     * A builder that also checks {@link Validation.Required} options of the interface passed to
     * {@link #as}.
     */
    public Builder withValidation() {
      return new Builder(args, true);
    }

    /**
     * Parses the arguments and returns the options viewed through {@code kls}, which is
     * registered first so its options are accepted.
     *
     * @throws HelpRequestedException if an argument is {@code --help} or {@code --help=Name};
     *     nothing else is checked then
     * @throws IllegalArgumentException for a malformed interface, an argument not starting with
     *     {@code --}, an unknown option, a bad value, or (with validation) a missing required
     *     option
     */
    public <T extends PipelineOptions> T as(Class<T> kls) {
      OptionsRegistry registry = OptionsRegistry.global();
      OptionsInterfaceModel model = registry.register(Objects.requireNonNull(kls, "kls"));
      String help = CommandLineParser.helpRequest(args);
      if (help != null) {
        throw new HelpRequestedException(help.isEmpty() ? HelpFormatter.allInterfaces(registry) : helpFor(registry, help));
      }
      Map<String, Object> values = CommandLineParser.parse(registry, args);
      T options = OptionsState.of(values, registry).view(kls, registry);
      if (validation) {
        RequiredOptionsValidator.validate(options, model);
      }
      return options;
    }

    /** {@code as(PipelineOptions.class)}. */
    public PipelineOptions create() {
      return as(PipelineOptions.class);
    }

    private static String helpFor(OptionsRegistry registry, String name) {
      List<Class<? extends PipelineOptions>> matches = new ArrayList<>();
      for (Class<? extends PipelineOptions> iface : registry.interfaces()) {
        if (iface.getName().equals(name) || iface.getSimpleName().equals(name)) {
          matches.add(iface);
        }
      }
      if (matches.size() > 1) {
        throw new IllegalArgumentException(
            "--help=" + name + " matches several options interfaces " + matches
                + "; pass the fully qualified name.");
      }
      if (matches.isEmpty()) {
        List<String> closest = registry.closestInterfaceNames(name);
        throw new IllegalArgumentException(
            "--help=" + name + " names no registered options interface."
                + (closest.isEmpty() ? "" : " Did you mean " + String.join(" or ", closest) + "?")
                + " Run --help to list all registered interfaces' options.");
      }
      return HelpFormatter.oneInterface(registry.register(matches.get(0)));
    }
  }

  /**
   * Thrown by {@link Builder#as} when the arguments ask for {@code --help}: the factory does not
   * print or exit. A command-line tool prints {@link #getHelpText()} to standard output and exits
   * with status 0.
   */
  public static final class HelpRequestedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String helpText;

    HelpRequestedException(String helpText) {
      super("--help was requested; print getHelpText() and exit with status 0");
      this.helpText = helpText;
    }

    /** The listing of options asked for, ending with a newline. */
    public String getHelpText() {
      return helpText;
    }
  }
}
