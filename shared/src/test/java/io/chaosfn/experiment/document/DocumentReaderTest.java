package io.chaosfn.experiment.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.chaosfn.experiment.InvalidExperimentException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DocumentReaderTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(5);

  private static ObjectNode yaml(String text) {
    return DocumentReader.read(text.getBytes(UTF_8), DocumentFormat.YAML, "experiment.yaml");
  }

  private static ObjectNode json(String text) {
    return DocumentReader.read(text.getBytes(UTF_8), DocumentFormat.JSON, "experiment.json");
  }

  private static String yamlError(String text) {
    return message(() -> yaml(text));
  }

  private static String jsonError(String text) {
    return message(() -> json(text));
  }

  private static String message(Runnable read) {
    Throwable[] thrown = new Throwable[1];
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try {
            read.run();
          } catch (InvalidExperimentException e) {
            thrown[0] = e;
          }
        });
    assertThat(thrown[0]).as("an InvalidExperimentException").isNotNull();
    InvalidExperimentException e = (InvalidExperimentException) thrown[0];
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEmpty());
    return e.getMessage();
  }

  @Test
  void read_jsonObject_keepsKeysInOrderWithTypes() {
    ObjectNode tree = json("{\"title\": \"t\", \"n\": 3, \"x-unknown\": [true, null, 1.5]}");

    assertThat(tree.propertyNames()).containsExactly("title", "n", "x-unknown");
    assertThat(tree.get("n").isInt()).isTrue();
    assertThat(tree.get("x-unknown").toString()).isEqualTo("[true,null,1.5]");
  }

  @Test
  void read_jsonDuplicateKey_isRefusedWithPosition() {
    String message = jsonError("{\"a\": 1,\n \"a\": 2}");

    assertThat(message).startsWith("experiment.json: line 2, column").contains("Duplicate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": 1,}",
        "{\"a\": 1} {\"b\": 2}",
        "{\"a\": NaN}",
        "{// comment\n\"a\": 1}",
        "{'a': 1}",
        "{\"a\": 1",
        "{\"a\": \"unterminated}",
        "nonsense",
      })
  void read_malformedJson_isRefusedWithOriginAndPosition(String text) {
    String message = jsonError(text);

    assertThat(message).matches("(?s)experiment\\.json: line \\d+, column \\d+: .+");
  }

  @Test
  void read_jsonNestedPastLimit_isRefused() {
    String deep = "{\"a\":".repeat(DocumentReader.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(DocumentReader.MAX_NESTING_DEPTH + 1);

    String message = jsonError(deep);

    assertThat(message).contains("nesting depth");
  }

  @Test
  void read_jsonHundredThousandLevels_isRefusedWithoutStackOverflow() {
    String deep = "[".repeat(100_000);

    String message = jsonError(deep);

    assertThat(message).contains("nesting depth");
  }

  @Test
  void read_jsonNestedAtLimit_isAccepted() {
    int levels = DocumentReader.MAX_NESTING_DEPTH - 1;
    String deep = "{\"a\":" + "[".repeat(levels) + "]".repeat(levels) + "}";

    ObjectNode tree = json(deep);

    assertThat(tree.has("a")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1, 2]|a list",
        "\"text\"|a string",
        "42|a number",
        "true|a boolean",
      })
  void read_jsonTopLevelNotObject_isRefused(String text, String kind) {
    String message = jsonError(text);

    assertThat(message).isEqualTo("experiment.json: the top level must be an object, found " + kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\t ", "null"})
  void read_emptyJson_isRefused(String text) {
    String message = jsonError(text);

    assertThat(message).isEqualTo("experiment.json: the document is empty; expected an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# only a comment\n", "~", "---\n"})
  void read_emptyYaml_isRefused(String text) {
    String message = yamlError(text);

    assertThat(message).isEqualTo("experiment.yaml: the document is empty; expected an object");
  }

  @Test
  void read_yamlTopLevelList_isRefused() {
    String message = yamlError("- a\n- b\n");

    assertThat(message).isEqualTo("experiment.yaml: the top level must be an object, found a list");
  }

  @Test
  void read_overTenMebibytes_isRefusedBeforeParsing() {
    byte[] bytes = new byte[DocumentReader.MAX_DOCUMENT_BYTES + 1];
    Arrays.fill(bytes, (byte) '[');

    String message = message(() -> DocumentReader.read(bytes, DocumentFormat.YAML, "big.yaml"));

    assertThat(message).isEqualTo("big.yaml: the document is 10485761 bytes, more than the limit of 10485760 bytes (10 MiB)");
  }

  @Test
  void read_exactlyTenMebibytesOfJson_isParsed() {
    String prefix = "{\"pad\": \"";
    String suffix = "\"}";
    String text = prefix + "x".repeat(DocumentReader.MAX_DOCUMENT_BYTES - prefix.length() - suffix.length()) + suffix;

    ObjectNode[] tree = new ObjectNode[1];
    assertTimeoutPreemptively(HANG_GUARD, () -> tree[0] = json(text));

    assertThat(tree[0].get("pad").asString()).hasSize(DocumentReader.MAX_DOCUMENT_BYTES - prefix.length() - suffix.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"JSON", "YAML"})
  void read_binaryGarbage_isRefusedAsNotUtf8(String format) {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x80, (byte) 0xc3, 0x28, 0x01, 0x02};

    String message = message(() -> DocumentReader.read(garbage, DocumentFormat.valueOf(format), "blob"));

    assertThat(message).startsWith("blob: the document is not UTF-8 text");
  }

  @Test
  void read_yamlWithControlCharacters_isRefusedWithPosition() {
    String message = yamlError("title: a\u0001b\n");

    assertThat(message).isEqualTo("experiment.yaml: line 1, column 9: special characters are not allowed");
  }

  @Test
  void read_utf8ByteOrderMark_isSkipped() {
    byte[] bytes = "\uFEFF{\"title\": \"t\"}".getBytes(UTF_8);

    ObjectNode tree = DocumentReader.read(bytes, DocumentFormat.JSON, "bom.json");

    assertThat(tree.get("title").asString()).isEqualTo("t");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yes|true",
        "No|false",
        "on|true",
        "OFF|false",
        "true|true",
        "0777|511",
        "0x1F|31",
        "0b101|5",
        "1_000|1000",
        "-42|-42",
        "190:20:30|685230",
        "12345678901234567890123|12345678901234567890123",
        "1.5|1.5",
        "1_000.5|1000.5",
        "~|null",
        "null|null",
      })
  void read_yamlImplicitScalars_resolveLikePyYaml(String scalar, String expectedJson) {
    ObjectNode tree = yaml("v: " + scalar + "\n");

    assertThat(tree.get("v").toString()).isEqualTo(expectedJson);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "y", "n", "0o17", "1.2.3", "=", "'yes'", "\"0777\""})
  void read_yamlScalarsPyYamlKeepsAsText_stayStrings(String scalar) {
    ObjectNode tree = yaml("v: " + scalar + "\n");

    assertThat(tree.get("v").isString()).isTrue();
  }

  @Test
  void read_yamlInfinity_isADouble() {
    ObjectNode tree = yaml("v: .inf\n");

    assertThat(tree.get("v").doubleValue()).isInfinite();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-02|2024-01-02",
        "2001-12-14t21:59:43.10-05:00|2001-12-14T21:59:43.100000-05:00",
        "2001-12-14 21:59:43.10 -5|2001-12-14T21:59:43.100000-05:00",
        "2001-12-15T02:59:43.1Z|2001-12-15T02:59:43.100000+00:00",
        "2002-12-14 1:02:03|2002-12-14T01:02:03",
        "2002-12-14T01:02:03.000|2002-12-14T01:02:03",
      })
  void read_yamlTimestamps_becomePythonIsoStrings(String scalar, String iso) {
    ObjectNode tree = yaml("v: " + scalar + "\n");

    assertThat(tree.get("v").asString()).isEqualTo(iso);
  }

  @Test
  void read_yamlImpossibleDate_isRefusedWithPosition() {
    String message = yamlError("title: t\nv: 2024-13-40\n");

    assertThat(message).startsWith("experiment.yaml: line 2, column 4: '2024-13-40' is not a valid timestamp");
  }

  @Test
  void read_yamlNonStringKeys_becomeJsonText() {
    ObjectNode tree = yaml("1: a\nyes: b\n~: c\n");

    assertThat(tree.propertyNames()).containsExactly("1", "true", "null");
  }

  @Test
  void read_yamlKeysCollidingAfterConversion_areRefused() {
    String message = yamlError("1: a\n'1': b\n");

    assertThat(message).isEqualTo("experiment.yaml: duplicate key '1'");
  }

  @Test
  void read_yamlCollectionAsKey_isRefused() {
    String message = yamlError("? [a, b]\n: c\n");

    assertThat(message).isEqualTo("experiment.yaml: a mapping key must be a string, a number, a boolean or null");
  }

  @Test
  void read_yamlDuplicateKey_isRefusedWithPosition() {
    String message = yamlError("title: a\ntitle: b\n");

    assertThat(message).isEqualTo("experiment.yaml: line 2, column 1: while constructing a mapping; found duplicate key title");
  }

  @Test
  void read_yamlPythonTag_isRefusedWithPosition() {
    String message = yamlError("title: t\nx: !!python/object/apply:os.system ['echo pwned']\n");

    assertThat(message)
        .startsWith("experiment.yaml: line 2, column 4: ")
        .contains("tag")
        .contains("python/object/apply:os.system");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x: !custom value\n",
        "x: !!java.io.File /etc/passwd\n",
        "!!python/object:__main__.X {a: 1}\n",
        "x: !<tag:example.com,2024:thing> v\n",
      })
  void read_yamlNonStandardTags_areRefused(String text) {
    String message = yamlError(text);

    assertThat(message).matches("experiment\\.yaml: line \\d+, column \\d+: .*tag.*");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"x: !!binary aGVsbG8=|!!binary", "x: !!set {a, b}|!!set", "x: !!pairs [a: 1, b: 2]|!!pairs"})
  void read_yamlTagsWithoutJsonForm_areRefused(String text, String tag) {
    String message = yamlError(text + "\n");

    assertThat(message).contains("the tag " + tag + " has no JSON form");
  }

  @Test
  void read_yamlStandardTags_areHonoured() {
    ObjectNode tree = yaml("a: !!str 0777\nb: !!int '12'\nc: !!float '1'\n");

    assertThat(tree.toString()).isEqualTo("{\"a\":\"0777\",\"b\":12,\"c\":1.0}");
  }

  @Test
  void read_yamlUnconvertibleExplicitInt_isRefused() {
    String message = yamlError("b: !!int twelve\n");

    assertThat(message).startsWith("experiment.yaml: ");
  }

  @Test
  void read_yamlBillionLaughs_isRefused() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level < 10; level++) {
      String previous = "*a" + (level - 1);
      bomb.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
    }

    String message = yamlError(bomb.toString());

    assertThat(message).contains("Number of aliases for non-scalar nodes exceeds the specified max=50");
  }

  @Test
  void read_yamlDoublingBombUnderAliasLimit_isRefusedByExpansionBudget() {
    StringBuilder bomb = new StringBuilder("l0: &l0 [x]\n");
    for (int level = 1; level <= 24; level++) {
      bomb.append("l").append(level).append(": &l").append(level)
          .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
    }

    String message = yamlError(bomb.toString());

    assertThat(message).isEqualTo("experiment.yaml: aliases expand to too many nodes (an alias bomb?)");
  }

  @Test
  void read_yamlAliasesWithinBudget_areExpanded() {
    ObjectNode tree = yaml("base: &b {image: nginx, port: 80}\nfirst: *b\nsecond:\n  <<: *b\n  port: 81\n");

    assertThat(tree.get("first").toString()).isEqualTo("{\"image\":\"nginx\",\"port\":80}");
    assertThat(tree.get("second").toString()).isEqualTo("{\"image\":\"nginx\",\"port\":81}");
  }

  @Test
  void read_yamlExpandedAliases_areIndependentCopies() {
    ObjectNode tree = yaml("a: &x {k: v}\nb: *x\n");

    ((ObjectNode) tree.get("a")).put("k", "changed");

    assertThat(tree.get("b").get("k").asString()).isEqualTo("v");
  }

  @Test
  void read_yamlRecursiveAlias_isRefused() {
    String message = yamlError("a: &a [1, *a]\n");

    assertThat(message).contains("recursive alias");
  }

  @Test
  void read_yamlNestedPastLimit_isRefused() {
    String deep = "a: " + "[".repeat(DocumentReader.MAX_NESTING_DEPTH + 1) + "]".repeat(DocumentReader.MAX_NESTING_DEPTH + 1) + "\n";

    String message = yamlError(deep);

    assertThat(message).contains("Nesting Depth exceeded max " + DocumentReader.MAX_NESTING_DEPTH);
  }

  @Test
  void read_yamlAliasesBuildingDepthPastLimit_isRefused() {
    String fifty = "[".repeat(60) + "]".repeat(60);
    String text = "a: &a " + fifty + "\nb: &b [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n";

    String message = yamlError(text);

    assertThat(message).isEqualTo("experiment.yaml: nesting deeper than " + DocumentReader.MAX_NESTING_DEPTH + " levels");
  }

  @Test
  void read_yamlSeveralDocuments_isRefused() {
    String message = yamlError("a: 1\n---\nb: 2\n");

    assertThat(message).isEqualTo("experiment.yaml: line 2, column 1: expected a single document in the stream; but found another document");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a: [1, 2\n", "a: 'unterminated\n", "a:\n  - b\n c: d\n", "{a: 1\n", "a: b: c\n", "\tkey: v\n"})
  void read_malformedYaml_isRefusedWithPosition(String text) {
    String message = yamlError(text);

    assertThat(message).matches("(?s)experiment\\.yaml: line \\d+, column \\d+: .+");
  }

  @Test
  void read_yamlOverlongLine_isRefusedWithShortMessage() {
    String message = yamlError("a: [" + "x".repeat(100_000) + "\n");

    assertThat(message.length()).isLessThan(400);
  }

  @Test
  void read_jsonUnknownTokenMessage_isShortened() {
    String message = jsonError("{\"a\": " + "x".repeat(100_000) + "}");

    assertThat(message.length()).isLessThan(400);
  }

  @Test
  void read_yamlJsonStyleDocument_readsAsYaml() {
    JsonNode tree = yaml("{\"title\": \"t\", \"n\": [1, 2]}");

    assertThat(tree.toString()).isEqualTo("{\"title\":\"t\",\"n\":[1,2]}");
  }

  @Test
  void fromFileName_knownExtensions_areCaseSensitive() {
    assertThat(DocumentFormat.fromFileName("e.json")).contains(DocumentFormat.JSON);
    assertThat(DocumentFormat.fromFileName("e.yaml")).contains(DocumentFormat.YAML);
    assertThat(DocumentFormat.fromFileName("e.yml")).contains(DocumentFormat.YAML);
    assertThat(DocumentFormat.fromFileName("e.JSON")).isEmpty();
    assertThat(DocumentFormat.fromFileName("e.txt")).isEmpty();
    assertThat(DocumentFormat.fromFileName("json")).isEmpty();
  }
}
