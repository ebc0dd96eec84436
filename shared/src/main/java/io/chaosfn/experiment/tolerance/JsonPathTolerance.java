package io.chaosfn.experiment.tolerance;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code {"type": "jsonpath", "path": P, "target": K, "expect": E, "count": N}}: the path (jsonpath2 syntax,
 * substituted at run time) is evaluated on the output, or on its {@code K} entry, a string being parsed as JSON
 * when it is JSON. Met when something matches; with {@code count}, when exactly N things match; with
 * {@code expect} (substituted), when the matches are exactly {@code [E]} (E not a list) or exactly {@code E}
 * (a list; {@code []} means "nothing matches"). {@code expect} wins over {@code count}.
 *
 * @param expect present when the document has the key, even with a null value (which expects one null match)
 * @param count present when the document has a non-null {@code count}
 */
public record JsonPathTolerance(String path, Optional<String> target, Optional<JsonNode> expect,
    Optional<JsonNode> count) implements Tolerance {
  private static final Logger LOG = LoggerFactory.getLogger(JsonPathTolerance.class);
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public JsonPathTolerance {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(count, "count");
    expect = expect.map(JsonNode::deepCopy);
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    JsonNode applied = context.substitute(JsonNodeFactory.instance.stringNode(path));
    Optional<JsonPath> compiled = compile(applied);
    if (compiled.isEmpty()) {
      return false;
    }
    List<JsonNode> matches = JsonPaths.matches(compiled.get(), document(Tolerances.select(value, target)));
    boolean met = !matches.isEmpty();
    if (count.isPresent()) {
      met = PythonValues.equal(JsonNodeFactory.instance.numberNode(matches.size()), count.get());
    }
    if (expect.isPresent()) {
      JsonNode expected = context.substitute(expect.get());
      ArrayNode found = JsonNodeFactory.instance.arrayNode().addAll(matches);
      met = expected != null && expected.isArray()
          ? PythonValues.equal(found, expected)
          : matches.size() == 1 && PythonValues.equal(matches.get(0), expected);
    }
    if (!met) {
      LOG.debug("jsonpath tolerance not met: {} value(s) matched", matches.size());
    }
    return met;
  }

  private static Optional<JsonPath> compile(JsonNode applied) {
    // CTK difference: a path that is no longer a valid path after substitution makes Python raise and the run
    // crash; here it is "not met".
    if (applied == null || !applied.isString()) {
      LOG.debug("jsonpath tolerance not met: the substituted path is not a string");
      return Optional.empty();
    }
    try {
      return Optional.of(JsonPaths.compile(applied.stringValue().strip()));
    } catch (RuntimeException invalid) {
      LOG.debug("jsonpath tolerance not met: the substituted path is invalid: {}", invalid.getMessage());
      return Optional.empty();
    }
  }

  /** A string that holds JSON is searched as that JSON, as Chaos Toolkit does with an http body it did not decode. */
  private static JsonNode document(JsonNode value) {
    if (value == null || !value.isString()) {
      return value;
    }
    try {
      return MAPPER.readTree(value.stringValue());
    } catch (JacksonException notJson) {
      return value;
    }
  }
}
