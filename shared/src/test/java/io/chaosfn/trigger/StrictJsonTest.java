package io.chaosfn.trigger;

import static io.chaosfn.trigger.Senders.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
  record Body(String name, Nested nested) {}

  record Nested(String value) {}

  @Test
  void read_wellFormedBody_bindsAndSkipsUnknownFields() {
    Body body = StrictJson.read(bytes("{\"name\": \"a\", \"extra\": [1, {\"x\": true}], \"nested\": {\"value\": \"v\"}}"),
        Body.class);

    assertThat(body).isEqualTo(new Body("a", new Nested("v")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"name\": \"a\", \"name\": \"b\"}",
      "{\"name\": \"a\"} {\"name\": \"b\"}",
      "{\"name\": \"a\"} x",
      "{\"name\": \"a\" /* comment */}",
      "// comment\n{\"name\": \"a\"}",
      "{\"name\": \"a\",}",
      "{\"extra\": [1, 2,], \"name\": \"a\"}",
      "{\"name\": \"a\u0001b\"}",
      "{'name': 'a'}",
      "{name: \"a\"}",
      "{\"name\": \"a\"",
      "[]",
      "null",
      "\"a\""})
  void read_malformedJson_isRefused(String text) {
    assertThatThrownBy(() -> StrictJson.read(bytes(text), Body.class))
        .isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void read_numberWhereStringBelongs_isRefusedAtItsPath() {
    assertThatThrownBy(() -> StrictJson.read(bytes("{\"nested\": {\"value\": 12}}"), Body.class))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("nested.value");
  }

  @Test
  void read_floatWhereStringBelongs_isRefused() {
    assertThatThrownBy(() -> StrictJson.read(bytes("{\"name\": 1.5}"), Body.class))
        .isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void read_booleanWhereStringBelongs_isRefused() {
    assertThatThrownBy(() -> StrictJson.read(bytes("{\"name\": true}"), Body.class))
        .isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void read_objectWhereStringBelongs_isRefused() {
    assertThatThrownBy(() -> StrictJson.read(bytes("{\"name\": {\"a\": \"b\"}}"), Body.class))
        .isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void read_nestingPastTheCap_isRefusedEvenInSkippedFields() {
    String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

    assertThatThrownBy(() -> StrictJson.read(bytes("{\"extra\": " + deep + ", \"name\": \"a\"}"), Body.class))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("nesting");
  }

  @Test
  void read_duplicateKeyInSkippedField_isRefused() {
    assertThatThrownBy(() -> StrictJson.read(bytes("{\"extra\": {\"k\": 1, \"k\": 2}, \"name\": \"a\"}"),
        Body.class)).isInstanceOf(MalformedPayloadException.class).hasMessageContaining("Duplicate");
  }

  @Test
  void read_emptyBody_isRefused() {
    assertThatThrownBy(() -> StrictJson.read(new byte[0], Body.class))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void deliveryId_longerThanTheCap_isRefused() {
    assertThatThrownBy(() -> StrictJson.deliveryId("d".repeat(StrictJson.MAX_DELIVERY_ID + 1), "deliveryId"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageStartingWith("deliveryId");
  }

  @Test
  void instant_notRfc3339_isRefused() {
    assertThatThrownBy(() -> StrictJson.instant("yesterday", "timestamp", Instant.EPOCH))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageStartingWith("timestamp");
  }

  @Test
  void instant_absent_isTheFallback() {
    assertThat(StrictJson.instant(null, "timestamp", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
  }
}
