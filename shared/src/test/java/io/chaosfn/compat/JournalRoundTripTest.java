package io.chaosfn.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaosfn.engine.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2 item 9: every journal the real Chaos Toolkit wrote ({@code journals/}, the lib's runner;
 * {@code peer-journals/}, the CLI 1.19) loads into {@link JournalCodec#read} and writes back with the same keys in
 * the same order at every level, and the same values. Numbers may differ in formatting only: Python writes a float
 * such as {@code 1.0} or {@code 2.9e-05} where Jackson writes {@code 1.0} or {@code 2.9E-5}, so numbers are
 * compared by their decimal value.
 */
class JournalRoundTripTest {
  static Stream<Arguments> journals() {
    Path root = CtkFixtures.root();
    if (root == null || !Files.isDirectory(root.resolve("journals"))) {
      return Stream.of(Arguments.argumentSet("fixtures absent", (Object) null));
    }
    List<Arguments> journals = new ArrayList<>();
    for (String folder : List.of("journals", "peer-journals")) {
      try (Stream<Path> files = Files.list(root.resolve(folder))) {
        files.filter(f -> f.toString().endsWith(".json")).sorted()
            .forEach(f -> journals.add(Arguments.argumentSet(folder + "/" + f.getFileName(), f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return journals.stream();
  }

  private static JsonNode[] roundTrip(Path journal) throws IOException {
    byte[] original = Files.readAllBytes(journal);
    return new JsonNode[] {CtkFixtures.JSON.readTree(original),
        CtkFixtures.JSON.readTree(JournalCodec.write(JournalCodec.read(original)))};
  }

  @ParameterizedTest
  @MethodSource("journals")
  void ctkJournal_readAndWrittenBack_keepsEveryKeyInOrder(Path journal) throws IOException {
    assumeTrue(journal != null, CtkFixtures.MISSING);

    JsonNode[] trees = roundTrip(journal);

    assertThat(keySequences(trees[1], "$")).isEqualTo(keySequences(trees[0], "$"));
  }

  @ParameterizedTest
  @MethodSource("journals")
  void ctkJournal_readAndWrittenBack_keepsEveryValue(Path journal) throws IOException {
    assumeTrue(journal != null, CtkFixtures.MISSING);

    JsonNode[] trees = roundTrip(journal);

    assertThat(leaves(trees[1], "$")).isEqualTo(leaves(trees[0], "$"));
  }

  /** Each object's path and its keys in order, depth first: the key order at every level. */
  private static List<String> keySequences(JsonNode node, String path) {
    List<String> sequences = new ArrayList<>();
    if (node.isObject()) {
      sequences.add(path + " " + node.propertyNames());
      node.properties().forEach(e -> sequences.addAll(keySequences(e.getValue(), path + "." + e.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        sequences.addAll(keySequences(node.get(i), path + "[" + i + "]"));
      }
    }
    return sequences;
  }

  /** Each scalar's path and value; numbers as plain decimals, so only their formatting may differ. */
  private static List<String> leaves(JsonNode node, String path) {
    List<String> leaves = new ArrayList<>();
    if (node.isObject()) {
      node.properties().forEach(e -> leaves.addAll(leaves(e.getValue(), path + "." + e.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves.addAll(leaves(node.get(i), path + "[" + i + "]"));
      }
    } else if (node.isNumber()) {
      leaves.add(path + " = " + node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      leaves.add(path + " = " + node);
    }
    return leaves;
  }
}
