package io.chaosfn.experiment.document;

import io.chaosfn.experiment.InvalidExperimentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads an experiment from a file path or an http(s) URL (§1.1). A path that exists is read, its format chosen
 * by extension; anything else must be an http(s) URL, fetched with {@code HttpURLConnection} (cheap to start,
 * decisions.md §6) and parsed by its {@code Content-Type}. Every failure is an {@link InvalidExperimentException}
 * whose one problem has the empty path; Chaos Toolkit's messages are kept inside ours.
 *
 * <p>Time and memory are bounded: a connect timeout, a read timeout per read and for the whole body, and a size
 * limit checked against {@code Content-Length} and again while the body streams. Redirects (at most {@value
 * #MAX_REDIRECTS}) are followed by hand so that the bearer token only goes to the source's own host and https
 * never downgrades to http.
 */
public final class ExperimentLoader {
  static final int MAX_REDIRECTS = 5;
  private static final String UNSUPPORTED_FORMAT = "only files with json, yaml or yml extensions are supported";
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private final SourceOptions options;

  public ExperimentLoader(SourceOptions options) {
    this.options = options;
  }

  /**
   * @param source a file path or an http(s) URL
   * @throws InvalidExperimentException when the source does not exist, cannot be fetched, or is not a valid
   *     document (see {@link DocumentReader#read})
   */
  public LoadedDocument load(String source) {
    Optional<Path> file = existingFile(source);
    if (file.isPresent()) {
      return loadFile(file.get(), source);
    }
    Matcher scheme = SCHEME.matcher(source);
    if (!scheme.find()) {
      throw new InvalidExperimentException("", "Path \"" + source + "\" does not exist.");
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    if (!name.equals("http") && !name.equals("https")) {
      throw new InvalidExperimentException("", "'" + name + "' is not a supported source scheme.");
    }
    URI uri;
    try {
      uri = new URI(source);
    } catch (URISyntaxException e) {
      throw new InvalidExperimentException("", "\"" + source + "\" is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new InvalidExperimentException("", "\"" + source + "\" is not a valid URL: it has no host");
    }
    return fetch(uri);
  }

  private static Optional<Path> existingFile(String source) {
    try {
      Path path = Path.of(source);
      return Files.exists(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private LoadedDocument loadFile(Path path, String origin) {
    Path name = path.getFileName();
    DocumentFormat format =
        DocumentFormat.fromFileName(name == null ? "" : name.toString())
            .orElseThrow(() -> DocumentReader.failure(origin, UNSUPPORTED_FORMAT));
    if (!Files.isRegularFile(path)) {
      throw DocumentReader.failure(origin, "not a regular file");
    }
    try {
      byte[] bytes = DocumentReader.readFile(path, options.maxBytes());
      return new LoadedDocument(DocumentReader.read(bytes, format, origin), origin, format);
    } catch (IOException e) {
      throw DocumentReader.failure(origin, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private LoadedDocument fetch(URI source) {
    String origin = printable(source);
    String sourceAuthority = authority(source);
    URI current = source;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpURLConnection connection = null;
      try {
        connection = open(current, authority(current).equals(sourceAuthority));
        int status = connection.getResponseCode();
        Optional<URI> next = redirect(connection, current, status, origin);
        if (next.isPresent()) {
          current = next.get();
          continue;
        }
        if (status != 200) {
          throw DocumentReader.failure(origin, "Failed to fetch the experiment: " + status);
        }
        return parse(connection, origin);
      } catch (SocketTimeoutException e) {
        throw DocumentReader.failure(
            origin, "no response in time (" + e.getMessage() + "; connect timeout " + options.connectTimeout().toSeconds()
                + " s, read timeout " + options.readTimeout().toMillis() + " ms)");
      } catch (UnknownHostException e) {
        throw DocumentReader.failure(origin, "unknown host " + current.getHost());
      } catch (ConnectException e) {
        throw DocumentReader.failure(origin, "cannot connect (" + e.getMessage() + ")");
      } catch (SSLException e) {
        throw DocumentReader.failure(origin, "TLS failed (" + e.getMessage() + "); --no-verify-tls skips verification");
      } catch (IOException e) {
        throw DocumentReader.failure(origin, "cannot fetch the experiment (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      } finally {
        if (connection != null) {
          connection.disconnect();
        }
      }
    }
    throw DocumentReader.failure(origin, "more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpURLConnection open(URI uri, boolean sameAuthorityAsSource) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout((int) options.connectTimeout().toMillis());
    connection.setReadTimeout((int) options.readTimeout().toMillis());
    connection.setRequestProperty("Accept", "application/json, application/x-yaml");
    if (options.hasBearerToken() && sameAuthorityAsSource) {
      connection.setRequestProperty("Authorization", "bearer " + options.bearerToken());
    } else if (!options.hasBearerToken() && options.auths().containsKey(authority(uri))) {
      connection.setRequestProperty("Authorization", options.auths().get(authority(uri)));
    }
    if (!options.verifyTls() && connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(TrustAll.CONTEXT.getSocketFactory());
      https.setHostnameVerifier((host, session) -> true);
    }
    return connection;
  }

  private static Optional<URI> redirect(HttpURLConnection connection, URI current, int status, String origin) {
    boolean isRedirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    String location = connection.getHeaderField("Location");
    if (!isRedirect || location == null) {
      return Optional.empty();
    }
    URI next;
    try {
      next = current.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw DocumentReader.failure(origin, "the server redirected to an invalid URL");
    }
    String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && current.getScheme().equalsIgnoreCase("http"))) {
      throw DocumentReader.failure(origin, "refusing a redirect from " + current.getScheme() + " to " + scheme);
    }
    return Optional.of(next);
  }

  private LoadedDocument parse(HttpURLConnection connection, String origin) throws IOException {
    long declared = connection.getContentLengthLong();
    if (declared > options.maxBytes()) {
      throw DocumentReader.failure(origin, "the document is " + declared + " bytes, more than the limit of " + options.maxBytes() + " bytes");
    }
    String contentType = String.valueOf(connection.getContentType()).toLowerCase(Locale.ROOT);
    byte[] body = readBody(connection, origin);
    if (contentType.contains("application/json")) {
      return new LoadedDocument(DocumentReader.read(body, DocumentFormat.JSON, origin), origin, DocumentFormat.JSON);
    }
    if (contentType.contains("application/x-yaml") || contentType.contains("text/yaml")) {
      return new LoadedDocument(DocumentReader.read(body, DocumentFormat.YAML, origin), origin, DocumentFormat.YAML);
    }
    if (contentType.contains("text/plain")) {
      return jsonThenYaml(body, origin);
    }
    throw DocumentReader.failure(origin, UNSUPPORTED_FORMAT + " (the server sent Content-Type " + connection.getContentType() + ")");
  }

  /** {@code text/plain} is tried as JSON, then as YAML (§1.1); the YAML error is the one reported. */
  private static LoadedDocument jsonThenYaml(byte[] body, String origin) {
    try {
      return new LoadedDocument(DocumentReader.read(body, DocumentFormat.JSON, origin), origin, DocumentFormat.JSON);
    } catch (InvalidExperimentException notJson) {
      return new LoadedDocument(DocumentReader.read(body, DocumentFormat.YAML, origin), origin, DocumentFormat.YAML);
    }
  }

  /**
   * Reads at most {@code maxBytes}, and for at most the read timeout in all: the per-read timeout alone would
   * let a server dripping one byte at a time hold the run for hours.
   */
  private byte[] readBody(HttpURLConnection connection, String origin) throws IOException {
    long deadline = System.nanoTime() + options.readTimeout().toNanos();
    byte[] buffer = new byte[Math.min(options.maxBytes() + 1, 64 * 1024)];
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (InputStream in = connection.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        body.write(buffer, 0, read);
        if (body.size() > options.maxBytes()) {
          throw DocumentReader.failure(origin, "the document is larger than the limit of " + options.maxBytes() + " bytes");
        }
        if (System.nanoTime() > deadline) {
          throw DocumentReader.failure(origin, "the body took longer than the read timeout of " + options.readTimeout().toMillis() + " ms");
        }
      }
    }
    return body.toByteArray();
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** The URL without user info, query or fragment: those may carry credentials (presigned URLs). */
  static String printable(URI uri) {
    return uri.getScheme() + "://" + authority(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** For {@code --no-verify-tls} only, as the user asked. */
  private static final class TrustAll implements X509TrustManager {
    static final SSLContext CONTEXT = context();

    private static SSLContext context() {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no TLS in this JVM", e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
