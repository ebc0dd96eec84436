package io.chaosfn.activity.http;

import static io.chaosfn.activity.ProviderFields.describe;
import static io.chaosfn.activity.ProviderFields.isPlaceholder;

import io.chaosfn.experiment.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code http} provider's document checks: Chaos Toolkit's two messages, then the types it assumes. */
final class HttpValidation {
  private HttpValidation() {}

  static void validate(ObjectNode provider, Problems problems) {
    validateUrl(provider.get("url"), problems.at("url"));
    JsonNode headers = provider.get("headers");
    if (headers != null && !headers.isNull() && !headers.isObject() && !isPlaceholder(headers)) {
      problems.at("headers").add("a HTTP activities expect headers as a mapping");
    }
    JsonNode method = provider.get("method");
    if (method != null && !(method.isString() && !method.stringValue().isBlank())) {
      problems.at("method").add("expected an HTTP method name such as GET or POST, found " + describe(method));
    }
    JsonNode arguments = provider.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject() && !isPlaceholder(arguments)) {
      problems.at("arguments").add("expected an object of arguments, found " + describe(arguments));
    }
    HttpTimeout.problem(provider.get("timeout")).ifPresent(problems.at("timeout")::add);
    JsonNode retries = provider.get("max_retries");
    if (retries != null && !(retries.isIntegralNumber() && retries.asLong() >= 0 && retries.canConvertToInt())) {
      problems.at("max_retries").add("expected a whole number >= 0, found " + describe(retries));
    }
    JsonNode verify = provider.get("verify_tls");
    if (verify != null && !verify.isNull() && !verify.isBoolean()) {
      problems.at("verify_tls").add("expected true or false, found " + describe(verify));
    }
  }

  private static void validateUrl(JsonNode url, Problems problems) {
    if (url == null || url.isNull() || (url.isString() && url.stringValue().isEmpty())) {
      problems.add("a HTTP activity must have a URL");
    } else if (!url.isString()) {
      problems.add("expected the URL as a string, found " + describe(url));
    } else if (!isPlaceholder(url)) {
      try {
        uri(url.stringValue());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
  }

  /** The URL as a URI, refused unless it is an absolute http or https URL with a host. */
  static URI uri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("expected an http:// or https:// URL with a host, found '" + url + "'");
    }
    return uri;
  }
}
