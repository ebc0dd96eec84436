package io.chaosfn.activity.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The provider's {@code arguments} as the words passed to the program: a list (each element as Python's
 * {@code str()} writes it, {@code null} and {@code ""} left out), a string split shell-like, or the deprecated
 * object flattened to {@code key, value, key, value...}.
 */
final class ProcessArguments {
  private ProcessArguments() {}

  /** @throws IllegalArgumentException when a string cannot be split or the value is no list, string or object */
  static List<String> words(JsonNode arguments) {
    List<String> words = new ArrayList<>();
    if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
      return words;
    }
    if (arguments.isString()) {
      // CTK difference: Chaos Toolkit hands "<path> <arguments>" to /bin/sh; chaosfn splits the string and runs
      // the program directly, so substituted values cannot inject shell syntax.
      return ShellWords.split(arguments.stringValue());
    }
    if (arguments.isArray()) {
      arguments.values().forEach(element -> add(words, element));
      return words;
    }
    if (arguments.isObject()) {
      for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
        words.add(entry.getKey());
        add(words, entry.getValue());
      }
      return words;
    }
    throw new IllegalArgumentException("expected a list or a string of arguments");
  }

  private static void add(List<String> words, JsonNode element) {
    if (element.isNull()) {
      return;
    }
    String text;
    if (element.isString()) {
      text = element.stringValue();
    } else if (element.isBoolean()) {
      text = element.booleanValue() ? "True" : "False";
    } else {
      text = element.isContainer() ? element.toString() : element.asString();
    }
    if (!text.isEmpty()) {
      words.add(text);
    }
  }
}
