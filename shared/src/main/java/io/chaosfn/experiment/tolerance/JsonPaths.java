package io.chaosfn.experiment.tolerance;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSONPath for the jsonpath tolerance: Chaos Toolkit's syntax (Python's jsonpath2) translated to Jayway's, and
 * evaluation over plain Java maps and lists with Jayway's default json-smart provider (its Jackson provider
 * would bring Jackson 2). docs/compatibility.md, "JSONPath syntax", says what is translated.
 */
final class JsonPaths {
  private static final Configuration CONFIGURATION = Configuration.builder()
      .jsonProvider(new JsonSmartJsonProvider())
      .mappingProvider(new JsonSmartMappingProvider())
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPaths() {}

  /**
   * Compiles a jsonpath2 path.
   *
   * @throws JsonPathException (or {@link IllegalArgumentException}) when Jayway cannot compile the translation
   */
  static JsonPath compile(String jsonpath2) {
    return JsonPath.compile(translate(jsonpath2));
  }

  /**
   * Rewrites jsonpath2's filter operators outside quoted strings: {@code =} becomes {@code ==}, and inside
   * {@code [?(...)]} the words {@code and}, {@code or}, {@code not} become {@code &&}, {@code ||}, {@code !}.
   */
  static String translate(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    int parens = 0;
    int filterDepth = -1;
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfString(path, i);
        out.append(path, i, end);
        i = end;
        continue;
      }
      if (c == '(') {
        if (filterDepth < 0 && i > 0 && path.charAt(i - 1) == '?') {
          filterDepth = parens;
        }
        parens++;
      } else if (c == ')') {
        parens--;
        if (parens == filterDepth) {
          filterDepth = -1;
        }
      }
      String keyword = filterDepth >= 0 ? keywordAt(path, i) : null;
      if (keyword != null) {
        out.append(keyword.equals("and") ? "&&" : keyword.equals("or") ? "||" : "!");
        i += keyword.length();
        continue;
      }
      out.append(c);
      if (c == '=' && isSingleEquals(path, i)) {
        out.append('=');
      }
      i++;
    }
    return out.toString();
  }

  /** Every value {@code path} selects in {@code document}, in document order; none when nothing matches. */
  static List<JsonNode> matches(JsonPath path, JsonNode document) {
    Object found;
    try {
      found = path.read(toJava(document), CONFIGURATION);
    } catch (JsonPathException nothingThere) {
      // Jayway reports a missing property of a definite path as an exception; jsonpath2 yields no match.
      return List.of();
    }
    // Jayway returns a definite path's (or a function's) one value as is, and an indefinite path's matches as a
    // list; Option.ALWAYS_RETURN_LIST would unify that but refuses functions such as length().
    if (path.isDefinite() || !(found instanceof List)) {
      return List.of(toNode(found));
    }
    List<JsonNode> values = new ArrayList<>();
    for (Object value : (List<?>) found) {
      values.add(toNode(value));
    }
    return values;
  }

  private static int endOfString(String path, int start) {
    char quote = path.charAt(start);
    int i = start + 1;
    while (i < path.length() && path.charAt(i) != quote) {
      i += path.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, path.length());
  }

  private static boolean isSingleEquals(String path, int i) {
    char before = i > 0 ? path.charAt(i - 1) : ' ';
    char after = i + 1 < path.length() ? path.charAt(i + 1) : ' ';
    return "!<>=".indexOf(before) < 0 && after != '=' && after != '~';
  }

  private static String keywordAt(String path, int i) {
    for (String keyword : new String[] {"and", "or", "not"}) {
      int end = i + keyword.length();
      if (path.startsWith(keyword, i) && !isWordChar(path, i - 1) && !isWordChar(path, end)
          && (i == 0 || path.charAt(i - 1) != '.')) {
        return keyword;
      }
    }
    return null;
  }

  private static boolean isWordChar(String path, int i) {
    if (i < 0 || i >= path.length()) {
      return false;
    }
    char c = path.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$';
  }

  private static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), toJava(entry.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node.values()) {
        list.add(toJava(item));
      }
      return list;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    return node.doubleValue();
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        object.set(String.valueOf(entry.getKey()), toNode(entry.getValue()));
      }
      return object;
    }
    if (value instanceof Collection) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : (Collection<?>) value) {
        array.add(toNode(item));
      }
      return array;
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof Number) {
      return NODES.numberNode(new BigDecimal(value.toString()));
    }
    return NODES.stringNode(value.toString());
  }
}
