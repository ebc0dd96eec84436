package io.chaosfn.engine.journal;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Where the experiment came from: a path, URL or {@code s3://} URI, with the S3 version and ETag when known. */
public record ExperimentSourceRef(String uri, String versionId, String etag) {
  public ExperimentSourceRef {
    Objects.requireNonNull(uri, "uri");
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("uri", uri);
    Trigger.putIfPresent(json, "version_id", versionId);
    Trigger.putIfPresent(json, "etag", etag);
    return json;
  }
}
