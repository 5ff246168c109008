package io.runnel.sdk.options.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The string form of one option value in {@code PipelineOptionsFactory.toMap}/{@code fromMap}.
 * Scalars use their command-line text. Lists are a JSON array of their elements' command-line
 * texts (e.g. {@code ["a","b,c"]}) so that elements containing commas, and the empty list,
 * round-trip exactly; on reading, a list value not starting with {@code [} is taken as
 * command-line text.
 */
final class OptionsMapForm {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private OptionsMapForm() {}

  static String encode(Type type, Object value) {
    if (value instanceof List<?> list) {
      List<String> texts = new ArrayList<>(list.size());
      for (Object element : list) {
        texts.add(OptionValueCodec.formatScalar(element));
      }
      try {
        return JSON.writeValueAsString(texts);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot encode the value of a list option as JSON", e);
      }
    }
    return OptionValueCodec.format(type, value);
  }

  /**
   * @throws IllegalArgumentException naming the option, the value and the expected type
   */
  static Object decode(String option, Type type, String text) {
    Class<?> element = OptionValueCodec.listElementOrNull(type);
    if (element == null || !text.startsWith("[")) {
      return OptionValueCodec.parse(option, type, List.of(text));
    }
    List<String> texts;
    try {
      texts = JSON.readValue(text, STRING_LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid value '%s' for option --%s: expected a JSON array of strings or"
                  + " comma-separated values.", text, option), e);
    }
    List<Object> values = new ArrayList<>(texts.size());
    for (String t : texts) {
      values.add(OptionValueCodec.parseScalar(option, element, t));
    }
    return Collections.unmodifiableList(values);
  }
}
