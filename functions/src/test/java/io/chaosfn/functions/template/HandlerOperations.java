package io.chaosfn.functions.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS operations each handler's code calls, as IAM actions: the list the template's policies are checked
 * against ({@link FunctionsContractTest}). {@link OperationRecorder} keeps it true: during every functions test it
 * sees each SDK call made under a handler's {@code handleRequest} and fails the call when the action is not listed
 * here. A handler's list grows with its code: add the action here and to its policy in sam-template.yaml.
 */
final class HandlerOperations {
  private static final String FUNCTIONS = "io.chaosfn.functions.";
  private static final List<String> RUNS = List.of(
      "s3:GetObject", "s3:GetObjectVersion",
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query",
      "events:PutEvents",
      // journals above the item's inline limit, in the journals bucket
      "s3:PutObject",
      // the Slack bot token, read when a run posts its first message
      "secretsmanager:GetSecretValue");

  static final Map<String, Set<String>> BY_HANDLER = Map.of(
      FUNCTIONS + "RunExperimentHandler", Set.copyOf(RUNS),
      FUNCTIONS + "SweeperHandler", Set.copyOf(RUNS),
      FUNCTIONS + "ScheduleSyncHandler", Set.of(
          "s3:GetObject",
          "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
          "scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"),
      FUNCTIONS + "WebhookHandler", Set.of(
          // the experiment catalog: list the bucket, read each document
          "s3:ListBucket", "s3:GetObject",
          // the delivery log: record, and forget when requesting the runs failed
          "dynamodb:PutItem", "dynamodb:DeleteItem",
          "secretsmanager:GetSecretValue",
          "events:PutEvents"),
      // PutItem: the cursor-signing key, made on first use; GetObject: a journal kept in the journals bucket
      FUNCTIONS + "JournalApiHandler", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem",
          "s3:GetObject"));

  /**
   * Permissions IAM checks for an operation besides its own action: a schedule's target role is passed to the
   * Scheduler when the schedule is written.
   */
  static final Map<String, Set<String>> IMPLIED = Map.of(
      "scheduler:CreateSchedule", Set.of("iam:PassRole"),
      "scheduler:UpdateSchedule", Set.of("iam:PassRole"));

  /** SDK service names whose IAM prefix is not the lower-cased name. */
  private static final Map<String, String> PREFIXES = Map.of("EventBridge", "events");
  /** SDK operations authorised under another action name. */
  private static final Map<String, String> ACTIONS = Map.of("s3:ListObjectsV2", "s3:ListBucket",
      "s3:HeadObject", "s3:GetObject");

  private HandlerOperations() {}

  /** The IAM action of an SDK call; a GetObject of a given version is {@code s3:GetObjectVersion}. */
  static String action(String service, String operation, Optional<String> versionId) {
    String action = PREFIXES.getOrDefault(service, service.toLowerCase(Locale.ROOT)) + ":" + operation;
    if (action.equals("s3:GetObject") && versionId.isPresent()) {
      return "s3:GetObjectVersion";
    }
    return ACTIONS.getOrDefault(action, action);
  }
}
