package io.chaosfn.experiment.document;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.JsonKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one document (an experiment, a var file, a settings file) into a Jackson tree, refusing hostile input
 * in bounded time and memory. JSON is strict: duplicate keys, comments, trailing content and {@code NaN} are
 * errors. YAML is YAML 1.1 as PyYAML's {@code safe_load} reads it (Chaos Toolkit §1.1): {@code yes}/{@code
 * off} are booleans, {@code 0777} is octal, {@code 1_000} is a thousand, timestamps become ISO strings; no
 * language tags. Every failure is an {@link InvalidExperimentException} with the empty path whose message
 * starts with the origin and, where the parser knows it, the line and column.
 */
public final class DocumentReader {
  /** Documents larger than this are refused before any parsing. */
  public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
  /** Objects and lists nested deeper than this are refused (a real experiment nests about ten levels). */
  public static final int MAX_NESTING_DEPTH = 100;
  /** SnakeYAML's limit on aliases that point at collections. */
  public static final int MAX_COLLECTION_ALIASES = 50;
  /** How many nodes aliases may add to the tree when they are expanded. */
  public static final int MAX_ALIAS_EXPANSION = 100_000;

  private static final int MAX_PARSER_MESSAGE = 300;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxDocumentLength(MAX_DOCUMENT_BYTES)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private DocumentReader() {}

  /**
   * Reads a document whose top level must be an object.
   *
   * @param origin how the user named the document (a file path or a URL without its query), used as the
   *     prefix of every message
   * @throws InvalidExperimentException when the document is too large, not UTF-8, malformed, uses a tag,
   *     exceeds a limit, is empty or its top level is not an object
   */
  public static ObjectNode read(byte[] bytes, DocumentFormat format, String origin) {
    return readOptional(bytes, format, origin)
        .orElseThrow(() -> failure(origin, "the document is empty; expected an object"));
  }

  /** Like {@link #read} but an empty document (nothing, only comments, or a YAML null) is empty, not an error. */
  static Optional<ObjectNode> readOptional(byte[] bytes, DocumentFormat format, String origin) {
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw failure(
          origin,
          "the document is " + bytes.length + " bytes, more than the limit of " + MAX_DOCUMENT_BYTES + " bytes (10 MiB)");
    }
    String text = decode(bytes, origin);
    JsonNode root = format == DocumentFormat.JSON ? parseJson(text, origin) : parseYaml(text, origin);
    if (root.isMissingNode() || root.isNull()) {
      return Optional.empty();
    }
    if (!root.isObject()) {
      throw failure(origin, "the top level must be an object, found " + JsonKind.of(root));
    }
    return Optional.of((ObjectNode) root);
  }

  private static String decode(byte[] bytes, String origin) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (MalformedInputException e) {
      throw failure(origin, "the document is not UTF-8 text (" + e.getMessage() + ")");
    } catch (CharacterCodingException e) {
      throw failure(origin, "the document is not UTF-8 text");
    }
  }

  private static JsonNode parseJson(String text, String origin) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw failure(origin, where + shorten(e.getOriginalMessage()));
    }
  }

  private static JsonNode parseYaml(String text, String origin) {
    Object value;
    try {
      value = yaml().load(text);
    } catch (MarkedYAMLException e) {
      String context = e.getContext() == null ? "" : e.getContext() + "; ";
      throw failure(origin, where(e) + shorten(context + e.getProblem()));
    } catch (ReaderException e) {
      throw failure(origin, where(text, e.getPosition()) + shorten(e.getMessage()));
    } catch (YAMLException e) {
      throw failure(origin, shorten(e.getMessage()));
    } catch (RuntimeException e) {
      // SnakeYAML's scalar constructors let NumberFormatException and friends escape (`!!int abc`).
      throw failure(origin, "invalid value: " + shorten(String.valueOf(e.getMessage())));
    }
    try {
      return YamlTree.toTree(value, MAX_NESTING_DEPTH, MAX_ALIAS_EXPANSION);
    } catch (IllegalArgumentException e) {
      throw failure(origin, e.getMessage());
    }
  }

  /** A new parser per document: SnakeYAML's {@code Yaml} is not thread-safe. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_BYTES);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new JsonSafeConstructor(options), new Representer(dumper), dumper, options, new PyYamlResolver());
  }

  private static String where(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
  }

  /** Line and column of a code point offset, for the reader's errors that only know the offset. */
  private static String where(String text, int codePointOffset) {
    int end = text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (text.codePointCount(lineStart, end) + 1) + ": ";
  }

  private static String shorten(String message) {
    String oneLine = message == null ? "unreadable document" : message.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_PARSER_MESSAGE ? oneLine : oneLine.substring(0, MAX_PARSER_MESSAGE) + "...";
  }

  /**
   * A file's bytes, refused before reading when larger than {@code maxBytes}.
   *
   * @throws IOException when the file cannot be read, for the caller to describe
   */
  public static byte[] readFile(Path path, int maxBytes) throws IOException {
    if (Files.size(path) > maxBytes) {
      throw failure(path.toString(), "the file is larger than the limit of " + maxBytes + " bytes");
    }
    return Files.readAllBytes(path);
  }

  /** A document that cannot be read, as one problem prefixed with its origin. */
  public static InvalidExperimentException failure(String origin, String message) {
    return new InvalidExperimentException("", origin + ": " + message);
  }
}
