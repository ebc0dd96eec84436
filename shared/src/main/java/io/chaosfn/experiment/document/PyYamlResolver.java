package io.chaosfn.experiment.document;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Implicit scalar types exactly as PyYAML's {@code safe_load} resolves them, which is what Chaos Toolkit reads
 * documents with. SnakeYAML's own YAML 1.1 table differs in corners that change a document's meaning: it reads
 * {@code 1e3} as a float where PyYAML keeps the string (PyYAML wants a dot and a signed exponent).
 */
final class PyYamlResolver extends Resolver {
  private static final int MAX_SCALAR_TO_RESOLVE = 1024;

  private static final Pattern PY_BOOL =
      Pattern.compile("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  private static final Pattern PY_FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN))$");
  private static final Pattern PY_INT =
      Pattern.compile(
          "^(?:[-+]?0b[0-1_]+"
              + "|[-+]?0[0-7_]+"
              + "|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  private static final Pattern PY_MERGE = Pattern.compile("^(?:<<)$");
  private static final Pattern PY_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  private static final Pattern PY_TIMESTAMP =
      Pattern.compile(
          "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
              + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
              + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

  @Override
  protected void addImplicitResolvers() {
    // Same registration order as PyYAML: for a given first character the first matching pattern wins.
    addImplicitResolver(Tag.BOOL, PY_BOOL, "yYnNtTfFoO", MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.", MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.INT, PY_INT, "-+0123456789", MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.MERGE, PY_MERGE, "<", MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.NULL, PY_NULL, "~nN\0", MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null, MAX_SCALAR_TO_RESOLVE);
    addImplicitResolver(Tag.TIMESTAMP, PY_TIMESTAMP, "0123456789", MAX_SCALAR_TO_RESOLVE);
  }
}
