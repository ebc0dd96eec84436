package io.chaosfn.functions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Credentials from the standard variables, read from the map a composition root passes in rather than from the
 * process: Lambda puts the function role's credentials there, and a CLI user may export theirs.
 */
public final class AwsCredentialVariables {
  public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  public static final List<String> VARIABLES = List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);

  private AwsCredentialVariables() {}

  /** The credentials, or empty unless both the key id and the secret are set. */
  public static Optional<AwsCredentials> from(Map<String, String> environment) {
    String key = environment.get(ACCESS_KEY_ID);
    String secret = environment.get(SECRET_ACCESS_KEY);
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    String session = environment.get(SESSION_TOKEN);
    return Optional.of(session == null || session.isBlank() ? AwsBasicCredentials.create(key, secret)
        : AwsSessionCredentials.create(key, secret, session));
  }
}
