package io.chaosfn.store.dynamodb;

import static io.chaosfn.store.dynamodb.RunItems.s;

import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.RunQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link RunQuery} as Query expressions: the key condition (an experiment's partition, or one outcome's
 * partition of the outcome index), the filters the key does not cover, and the projection without the journal.
 * Every attribute goes through a {@code #name} placeholder: several of ours ({@code trigger}, {@code title}...)
 * are or may become DynamoDB reserved words.
 */
record RunFilter(String keyCondition, Optional<String> expression, Map<String, String> names,
    Map<String, AttributeValue> values, String projection) {

  static RunFilter of(RunQuery query, boolean byExperiment) {
    Map<String, String> names = new HashMap<>();
    RunItems.SUMMARY_ATTRIBUTES.forEach(a -> names.put("#" + a, a));
    Map<String, AttributeValue> values = new HashMap<>();
    String keyCondition;
    List<String> filters = new ArrayList<>();
    if (byExperiment) {
      keyCondition = "#PK = :pk AND begins_with(#SK, :runs)";
      values.put(":pk", s(JournalLayout.experimentPartition(query.experimentId())));
      values.put(":runs", s(JournalLayout.runSortKey("")));
      if (query.outcome() != null) {
        filters.add("#outcome = :outcome");
        values.put(":outcome", s(query.outcome().wireName()));
      }
    } else {
      keyCondition = "#outcomeKey = :outcomeKey";
      values.put(":outcomeKey", s(JournalLayout.outcomePartition(query.outcome())));
    }
    if (query.deviated() != null) {
      filters.add("#deviated = :deviated");
      values.put(":deviated", AttributeValue.fromBool(query.deviated()));
    }
    if (query.triggerType() != null) {
      filters.add("#triggerType = :triggerType");
      values.put(":triggerType", s(query.triggerType()));
    }
    if (query.since() != null) {
      filters.add("#startedAt >= :since");
      values.put(":since", s(RunItems.instant(query.since())));
    }
    if (query.until() != null) {
      filters.add("#startedAt < :until");
      values.put(":until", s(RunItems.instant(query.until())));
    }
    String projection = RunItems.SUMMARY_ATTRIBUTES.stream().map(a -> "#" + a).collect(Collectors.joining(", "));
    return new RunFilter(keyCondition,
        filters.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", filters)),
        Map.copyOf(names), Map.copyOf(values), projection);
  }

  boolean isEmpty() {
    return expression.isEmpty();
  }
}
