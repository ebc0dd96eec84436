package io.chaosfn.flow;

import io.chaosfn.experiment.CloseMatches;
import io.chaosfn.experiment.Problem;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of one request, read strictly: an unknown name, an empty value or a value of the wrong
 * form is a problem naming the parameter, because a typo that is silently ignored returns the wrong runs
 * without saying so. Problems are collected while the caller reads and thrown together by {@link #check()}.
 * Confined to one request.
 */
final class QueryParameters {
  static final int DEFAULT_LIMIT = 20;
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
  private static final Pattern TRIGGER_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final String OUTCOMES =
      Arrays.stream(Outcome.values()).map(Outcome::wireName).collect(Collectors.joining(", "));

  private final Map<String, String> values;
  private final List<Problem> problems = new ArrayList<>();

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /** The parameters, with a problem for each name outside {@code allowed}. */
  static QueryParameters of(Map<String, String> values, Set<String> allowed) {
    QueryParameters parameters = new QueryParameters(Map.copyOf(values));
    for (String name : new TreeSet<>(values.keySet())) {
      if (!allowed.contains(name)) {
        parameters.problems.add(new Problem(name, "unknown parameter" + (allowed.isEmpty()
            ? ": this route takes none"
            : CloseMatches.suggest(name, allowed) + " (expected " + String.join(", ", new TreeSet<>(allowed)) + ")")));
      }
    }
    return parameters;
  }

  Outcome outcome(String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    return Outcome.fromWireName(value).orElseGet(() -> {
      problems.add(new Problem(name, "unknown outcome '" + value + "'"
          + CloseMatches.suggest(value, Arrays.stream(Outcome.values()).map(Outcome::wireName).toList())
          + " (expected one of " + OUTCOMES + ")"));
      return null;
    });
  }

  /** An outcome the request must give. */
  Outcome requiredOutcome(String name) {
    if (!values.containsKey(name)) {
      problems.add(new Problem(name, "required: one of " + OUTCOMES));
      return null;
    }
    return outcome(name);
  }

  Boolean bool(String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    problems.add(new Problem(name, "expected true or false, was '" + value + "'"));
    return null;
  }

  String triggerType(String name) {
    String value = value(name);
    if (value != null && !TRIGGER_TYPE.matcher(value).matches()) {
      problems.add(new Problem(name, "expected a trigger type such as schedule, deploy or cli, was '" + value + "'"));
      return null;
    }
    return value;
  }

  /** An ISO-8601 instant with {@code Z} or an offset, or a date meaning its midnight UTC. */
  Instant instant(String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new Problem(name, "expected an ISO-8601 date (2025-03-01) or instant with Z or an offset "
          + "(2025-03-01T10:00:00Z), was '" + value + "'"
          + (value.contains(" ") ? "; a '+' in a URL must be sent as %2B" : "")));
      return null;
    }
  }

  /** {@code since} strictly before {@code until}, when both are good. */
  void requireOrder(String sinceName, Instant since, String untilName, Instant until) {
    if (since != null && until != null && !since.isBefore(until)) {
      problems.add(new Problem(sinceName, sinceName + " must be before " + untilName + ", was " + values.get(sinceName)
          + " with " + untilName + " " + values.get(untilName)));
    }
  }

  int limit(String name) {
    String value = value(name);
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit = LIMIT.matcher(value).matches() ? Integer.parseInt(value) : 0;
    if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
      problems.add(new Problem(name, "expected a whole number from 1 to " + RunQuery.MAX_LIMIT + ", was '" + value
          + "'"));
      return DEFAULT_LIMIT;
    }
    return limit;
  }

  String text(String name) {
    return value(name);
  }

  /** @throws InvalidQueryException with every problem found so far */
  void check() {
    if (!problems.isEmpty()) {
      throw new InvalidQueryException(problems);
    }
  }

  /** The value, or null when absent; an empty value is a problem (leave the parameter out instead). */
  private String value(String name) {
    String value = values.get(name);
    if (value != null && value.isEmpty()) {
      problems.add(new Problem(name, "is empty: leave the parameter out or give it a value"));
      return null;
    }
    return value;
  }
}
