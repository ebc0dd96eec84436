package io.chaosfn.trigger;

import static io.chaosfn.trigger.Senders.bytes;
import static io.chaosfn.trigger.Senders.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] KEY = bytes("shared-key");
  private static final byte[] BODY = bytes("{\"deliveryId\":\"d-1\"}");

  private final WebhookSignature signature = new WebhookSignature();

  @Test
  void verifyHmac_senderSignature_isAccepted() {
    String header = sign("shared-key", BODY);

    assertThatCode(() -> signature.verifyHmac(header, BODY, KEY)).doesNotThrowAnyException();
  }

  @Test
  void verifyHmac_signatureOfAnotherBody_isRejected() {
    String header = sign("shared-key", bytes("{\"deliveryId\":\"d-2\"}"));

    assertThatThrownBy(() -> signature.verifyHmac(header, BODY, KEY))
        .isInstanceOf(SignatureRejectedException.class)
        .hasMessage("the signature does not match the body");
  }

  @Test
  void verifyHmac_signatureUnderAnotherKey_isRejected() {
    String header = sign("guessed-key", BODY);

    assertThatThrownBy(() -> signature.verifyHmac(header, BODY, KEY)).isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void verifyHmac_sha1Prefix_isRejected() {
    String header = "sha1=" + sign("shared-key", BODY).substring("sha256=".length());

    assertThatThrownBy(() -> signature.verifyHmac(header, BODY, KEY))
        .isInstanceOf(SignatureRejectedException.class)
        .hasMessageContaining("sha256=");
  }

  @Test
  void verifyHmac_upperCaseHex_isRejected() {
    String header = "sha256=" + sign("shared-key", BODY).substring("sha256=".length()).toUpperCase();

    assertThatThrownBy(() -> signature.verifyHmac(header, BODY, KEY)).isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void verifyHmac_truncatedHex_isRejected() {
    String header = sign("shared-key", BODY).substring(0, 70);

    assertThatThrownBy(() -> signature.verifyHmac(header, BODY, KEY)).isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void verifyHmac_missingHeader_isRejected() {
    assertThatThrownBy(() -> signature.verifyHmac(null, BODY, KEY))
        .isInstanceOf(SignatureRejectedException.class)
        .hasMessage("the request is not signed");
  }

  @Test
  void verifyHmac_rejectionMessage_neverContainsTheExpectedSignature() {
    String expected = sign("shared-key", BODY).substring("sha256=".length());

    assertThatThrownBy(() -> signature.verifyHmac(sign("other", BODY), BODY, KEY))
        .message().doesNotContain(expected);
  }

  @Test
  void verifyToken_sharedToken_isAccepted() {
    assertThatCode(() -> signature.verifyToken("argo-token", bytes("argo-token"))).doesNotThrowAnyException();
  }

  @Test
  void verifyToken_prefixOfTheToken_isRejected() {
    assertThatThrownBy(() -> signature.verifyToken("argo-tok", bytes("argo-token")))
        .isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void verifyToken_missingHeader_isRejected() {
    assertThatThrownBy(() -> signature.verifyToken(null, bytes("argo-token")))
        .isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void verifyHmac_decision_isTheConstantTimeComparisonOfFullDigests() {
    List<int[]> compared = new ArrayList<>();
    WebhookSignature refusing = new WebhookSignature((expected, presented) -> {
      compared.add(new int[] {expected.length, presented.length});
      return false;
    });

    assertThatThrownBy(() -> refusing.verifyHmac(sign("shared-key", BODY), BODY, KEY))
        .isInstanceOf(SignatureRejectedException.class);
    assertThat(compared).singleElement().satisfies(lengths -> assertThat(lengths).containsExactly(32, 32));
  }

  @Test
  void verifyToken_wrongLength_isComparedAsEqualLengthDigests() {
    List<int[]> compared = new ArrayList<>();
    WebhookSignature recording = new WebhookSignature((expected, presented) -> {
      compared.add(new int[] {expected.length, presented.length});
      return MessageDigest.isEqual(expected, presented);
    });

    assertThatThrownBy(() -> recording.verifyToken("x", bytes("a-much-longer-token")))
        .isInstanceOf(SignatureRejectedException.class);
    assertThat(compared).singleElement().satisfies(lengths -> assertThat(lengths).containsExactly(32, 32));
  }
}
