package io.chaosfn.trigger;

import io.chaosfn.experiment.ChaosfnExtension.DeployTrigger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a deploy starts an experiment: every key the experiment's {@code triggers.deploy.match} gives
 * must match the deploy, and a key the deploy does not know (GitHub has no namespace) does not match. Values
 * are compared exactly, except that {@code *} stands for any run of characters ({@code frontend-*},
 * {@code main@sha1:*}). Repositories are compared by their {@code owner/name} path, case-insensitively, so
 * {@code acme/shop} matches GitHub's {@code acme/shop} as well as Argo CD's
 * {@code https://github.com/acme/shop.git} and {@code git@github.com:acme/shop.git}.
 */
public final class DeployMatcher {
  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/]+/", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCP_LIKE = Pattern.compile("^[^/@:]+@[^/:]+:");

  /** True when {@code event} satisfies every key of {@code trigger}'s match. */
  public boolean matches(DeployTrigger trigger, DeployEvent event) {
    for (Map.Entry<String, String> key : trigger.match().entrySet()) {
      if (!matches(key.getKey(), key.getValue(), event)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String key, String expected, DeployEvent event) {
    return switch (key) {
      case "namespace" -> glob(expected, event.namespace());
      case "workload" -> glob(expected, event.workload());
      case "revision" -> glob(expected, event.revision());
      case "repository" -> event.repository() != null
          && glob(repositoryPath(expected), repositoryPath(event.repository()));
      default -> throw new IllegalArgumentException("unknown match key " + key);
    };
  }

  private static boolean glob(String pattern, String value) {
    if (value == null) {
      return false;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(value);
    }
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  /** {@code https://github.com/Acme/Shop.git}, {@code git@github.com:acme/shop} and {@code acme/shop/} give {@code acme/shop}. */
  static String repositoryPath(String repository) {
    String path = SCP_LIKE.matcher(SCHEME.matcher(repository.trim()).replaceFirst("")).replaceFirst("");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - ".git".length());
    }
    return path.toLowerCase(Locale.ROOT);
  }
}
