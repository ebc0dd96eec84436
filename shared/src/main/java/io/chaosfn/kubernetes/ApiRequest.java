package io.chaosfn.kubernetes;

import java.util.Objects;

/**
 * What an activity asks of the Kubernetes API, in RBAC terms, so that a failure can say which permission or
 * which object was missing.
 *
 * @param verb the RBAC verb ({@code get}, {@code list}, {@code watch}, {@code delete}, {@code patch})
 * @param group the API group ({@code ""} for the core group, {@code apps}, ...)
 * @param resource the RBAC resource, with its subresource when there is one ({@code pods}, {@code pods/log})
 * @param namespace the namespace, or {@code null} for a request across all namespaces
 * @param name the object's name, or {@code null} for a collection
 */
public record ApiRequest(String verb, String group, String resource, String namespace, String name) {
  public ApiRequest {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }

  public static ApiRequest of(String verb, String group, String resource, String namespace) {
    return new ApiRequest(verb, group, resource, namespace, null);
  }

  public ApiRequest named(String objectName) {
    return new ApiRequest(verb, group, resource, namespace, objectName);
  }

  /** {@code delete pods 'frontend-db-0' in namespace 'default'}, as failure messages say it. */
  public String describe() {
    StringBuilder text = new StringBuilder(verb).append(' ').append(resource);
    if (name != null) {
      text.append(" '").append(name).append('\'');
    }
    return text.append(where()).toString();
  }

  String where() {
    return namespace == null ? " across all namespaces" : " in namespace '" + namespace + "'";
  }

  String groupLabel() {
    return group.isEmpty() ? "core" : group;
  }
}
