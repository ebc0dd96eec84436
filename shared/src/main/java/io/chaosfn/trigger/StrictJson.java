package io.chaosfn.trigger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads webhook bodies into the records each parser declares, refusing anything a careful sender would not
 * produce (decisions.md §7): duplicate keys, trailing content, comments, trailing commas, unescaped control
 * characters, nesting deeper than {@link #MAX_NESTING_DEPTH}, and a number or boolean where a string belongs.
 * Unknown properties are skipped: the tools add fields over time. Every refusal is a
 * {@link MalformedPayloadException} whose message says where; it quotes at most the offending token.
 */
public final class StrictJson {
  /** Real payloads nest under ten levels (a GitHub {@code deployment_status} about six). */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Delivery ids become part of a DynamoDB key; real ones are GUIDs or short paths. */
  public static final int MAX_DELIVERY_ID = 256;

  private static final int MAX_MESSAGE = 200;

  // Comments, trailing commas and control characters are Jackson's defaults (off); they are repeated in the
  // tests, not here. Coercion must be switched off explicitly: by default "1" and 1 are both a string.
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfig(LogicalType.Textual, textual -> textual
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private StrictJson() {}

  /**
   * Binds {@code body} to {@code type}.
   *
   * @throws MalformedPayloadException when the body is not strict JSON or does not fit the type
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new MalformedPayloadException("the body is empty; expected a JSON object");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new MalformedPayloadException("the body is null; expected a JSON object");
      }
      return value;
    } catch (JacksonException e) {
      throw new MalformedPayloadException(describe(e));
    }
  }

  /** The string at {@code path}, refused when it is missing or blank. */
  public static String required(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new MalformedPayloadException(path + " is required (a non-empty string)");
    }
    return value;
  }

  /**
   * A delivery id: required, at most {@link #MAX_DELIVERY_ID} characters, printable (it becomes part of a key).
   */
  public static String deliveryId(String value, String path) {
    required(value, path);
    if (value.length() > MAX_DELIVERY_ID) {
      throw new MalformedPayloadException(path + " is longer than " + MAX_DELIVERY_ID + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new MalformedPayloadException(path + " must not contain control characters");
    }
    return value;
  }

  /** Null for a missing or empty string: templates send {@code ""} for what they do not know. */
  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** An RFC 3339 / ISO-8601 instant, or {@code fallback} when absent; refused when present but unreadable. */
  public static Instant instant(String value, String path, Instant fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedPayloadException(path + " must be an RFC 3339 timestamp such as 2025-01-31T10:15:30Z");
    }
  }

  private static String describe(JacksonException e) {
    StringBuilder message = new StringBuilder("malformed JSON");
    String path = e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .reduce("", String::concat);
    if (!path.isEmpty()) {
      message.append(" at ").append(path.startsWith(".") ? path.substring(1) : path);
    }
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
          .append(')');
    }
    String reason = firstLine(e.getOriginalMessage());
    message.append(": ").append(reason.length() > MAX_MESSAGE ? reason.substring(0, MAX_MESSAGE) + "..." : reason);
    return message.toString();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
