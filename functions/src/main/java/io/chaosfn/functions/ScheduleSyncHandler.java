package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.chaosfn.Json;
import io.chaosfn.flow.ObjectChange;
import io.chaosfn.flow.ScheduleSyncService;
import io.chaosfn.flow.SyncResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ScheduleSync: an S3 {@code Object Created} or {@code Object Deleted} EventBridge notification for the
 * experiments bucket → {@link ScheduleSyncService}. Answers {@code {"result", "summary"}} and, for a rejected
 * schedule, {@code "problems"}: the same text the log gets, so an invocation in the console shows why.
 */
public final class ScheduleSyncHandler implements RequestStreamHandler {
  /** The variables this function needs besides {@link Settings#VARIABLES}, for the SAM template contract test. */
  public static final List<String> VARIABLES = Settings.SCHEDULE_VARIABLES;
  private final ScheduleSyncService schedules;

  public ScheduleSyncHandler() {
    this(Components.fromEnvironment().scheduleSync());
  }

  ScheduleSyncHandler(ScheduleSyncService schedules) {
    this.schedules = schedules;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    ObjectChange change = change(Json.MAPPER.readTree(input));
    MDC.put("request_id", context == null ? null : context.getAwsRequestId());
    MDC.put("object", change.uri());
    try {
      Json.MAPPER.writeValue(output, answer(schedules.sync(change)));
    } finally {
      MDC.clear();
    }
  }

  /** @throws IllegalArgumentException when the event is not an S3 object notification */
  static ObjectChange change(JsonNode event) {
    String type = event.path("detail-type").asString("");
    ObjectChange.Kind kind = switch (type) {
      case "Object Created" -> ObjectChange.Kind.CREATED;
      case "Object Deleted" -> ObjectChange.Kind.DELETED;
      default -> throw new IllegalArgumentException("expected an S3 'Object Created' or 'Object Deleted' event,"
          + " found detail-type '" + type + "'");
    };
    String bucket = event.path("detail").path("bucket").path("name").asString("");
    String key = event.path("detail").path("object").path("key").asString("");
    if (bucket.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException("the event names no bucket and key (detail.bucket.name, detail.object.key)");
    }
    return new ObjectChange(kind, bucket, key);
  }

  private static ObjectNode answer(SyncResult result) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode()
        .put("result", result.getClass().getSimpleName().toLowerCase(Locale.ROOT))
        .put("summary", result.summary());
    if (result instanceof SyncResult.Rejected rejected) {
      rejected.problems().forEach(problem -> answer.withArray("problems").add(problem.toString()));
    }
    return answer;
  }
}
