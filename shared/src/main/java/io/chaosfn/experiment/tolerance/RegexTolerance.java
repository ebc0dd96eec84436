package io.chaosfn.experiment.tolerance;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code {"type": "regex", "pattern": P, "target": K}}: the pattern (Python {@code re} syntax, substituted at
 * run time) must be found anywhere in the output, or in the output's {@code K} entry when it has one.
 */
public record RegexTolerance(String pattern, Optional<String> target) implements Tolerance {
  private static final Logger LOG = LoggerFactory.getLogger(RegexTolerance.class);

  public RegexTolerance {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(target, "target");
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    JsonNode applied = context.substitute(JsonNodeFactory.instance.stringNode(pattern));
    JsonNode subject = Tolerances.select(value, target);
    // CTK difference: Python raises (and the run crashes) for a pattern that no longer compiles after
    // substitution or for an output that is not a string; here both are "not met".
    if (applied == null || !applied.isString()) {
      LOG.debug("regex tolerance not met: the substituted pattern is not a string");
      return false;
    }
    if (subject == null || !subject.isString()) {
      LOG.debug("regex tolerance not met: the value to search is not a string");
      return false;
    }
    Pattern compiled;
    try {
      compiled = PythonRegex.compile(applied.stringValue());
    } catch (PatternSyntaxException invalid) {
      LOG.debug("regex tolerance not met: the substituted pattern is invalid: {}", invalid.getDescription());
      return false;
    }
    return compiled.matcher(subject.stringValue()).find();
  }
}
