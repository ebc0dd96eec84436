package io.chaosfn.activity.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** A response body as text: the charset the Content-Type names, else UTF-8; bad bytes become U+FFFD. */
final class ResponseText {
  private ResponseText() {}

  static String decode(byte[] body, String contentType) {
    // new String(bytes, charset) replaces malformed input instead of throwing.
    return new String(body, charset(contentType));
  }

  private static Charset charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
        String name = pair[1].trim().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    // CTK difference: requests guesses the charset of text without one (charset-normalizer); UTF-8 is chosen here.
    return StandardCharsets.UTF_8;
  }
}
