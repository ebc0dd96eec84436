package io.chaosfn.activity.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The command line of a process activity, as Chaos Toolkit builds it (semantics §1.4): arguments given as a list
 * (each element as Python's {@code str()} writes it, {@code null} and {@code ""} left out) or as the deprecated
 * object (flattened to {@code key, value, key, value...}) are passed to the program directly; arguments given as a
 * string go with the program to {@code /bin/sh}, so pipes, redirections and {@code $VARIABLES} in existing
 * experiments keep working. Prefer a list: nothing in it is interpreted by a shell.
 */
final class ProcessArguments {
  static final String SHELL = "/bin/sh";

  private ProcessArguments() {}

  /** @throws IllegalArgumentException when the arguments are no list, string or object */
  static List<String> command(String program, JsonNode arguments) {
    if (arguments != null && arguments.isString()) {
      return List.of(SHELL, "-c", program + " " + arguments.stringValue());
    }
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(words(arguments));
    return command;
  }

  private static List<String> words(JsonNode arguments) {
    List<String> words = new ArrayList<>();
    if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
      return words;
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
