package io.chaosfn.experiment;

import static io.chaosfn.experiment.Json.object;
import static io.chaosfn.experiment.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  private final SecretMasker masker =
      new SecretMasker(object("{'k8s': {'token': 's3cr3t-token', 'nested': {'pw': 'hunter22'}, 'short': 'abc', 'port': 8090}}"));

  @Test
  void mask_textContainingSecrets_replacesEveryOccurrence() {
    String masked = masker.mask("Authorization: Bearer s3cr3t-token; again s3cr3t-token; pw=hunter22");

    assertThat(masked).isEqualTo("Authorization: Bearer ***; again ***; pw=***");
  }

  @Test
  void mask_shortAndNonStringValues_areLeftAlone() {
    String masked = masker.mask("abc 8090");

    assertThat(masked).isEqualTo("abc 8090");
  }

  @Test
  void mask_overlappingSecrets_masksTheLongestWhole() {
    SecretMasker overlapping = new SecretMasker(object("{'s': {'a': 'token', 'b': 'token-extended'}}"));

    assertThat(overlapping.mask("x token-extended y token")).isEqualTo("x *** y ***");
  }

  @Test
  void mask_tree_masksValuesNotKeysAndKeepsTheArgument() {
    var output = tree("{'s3cr3t-token': ['body s3cr3t-token', 1, true], 'h': {'x': 'hunter22'}}");
    String before = output.toString();

    var masked = masker.mask(output);

    assertThat(masked.toString()).isEqualTo("{\"s3cr3t-token\":[\"body ***\",1,true],\"h\":{\"x\":\"***\"}}");
    assertThat(output.toString()).isEqualTo(before);
  }

  @Test
  void maskSecretsSection_inlineValues_becomeStarsAndDeclarationsKeepShape() {
    var experiment =
        object(
            "{'title': 't', 'secrets': {'k8s': {'token': 'abc', 'n': 1, 'list': ['a'], 'none': null,"
                + " 'host': {'type': 'env', 'key': 'H'}, 'db': {'type': 'vault', 'path': 'p'},"
                + " 'address': {'port': 8090, 'user': {'type': 'env', 'key': 'U'}}}, 'bad': 'x'}}");

    var masked = SecretMasker.maskSecretsSection(experiment);

    assertThat(masked.get("secrets").toString())
        .isEqualTo(
            "{\"k8s\":{\"token\":\"***\",\"n\":\"***\",\"list\":\"***\",\"none\":null,"
                + "\"host\":{\"type\":\"env\",\"key\":\"H\"},\"db\":{\"type\":\"vault\",\"path\":\"p\"},"
                + "\"address\":{\"port\":\"***\",\"user\":{\"type\":\"env\",\"key\":\"U\"}}},\"bad\":\"***\"}");
    assertThat(experiment.get("secrets").get("k8s").get("token").asString()).isEqualTo("abc");
    assertThat(masked.get("title").asString()).isEqualTo("t");
  }

  @Test
  void maskSecretsSection_withoutSecrets_isAnEqualCopy() {
    var experiment = object("{'title': 't'}");

    var masked = SecretMasker.maskSecretsSection(experiment);

    assertThat(masked).isEqualTo(experiment).isNotSameAs(experiment);
  }
}
