package io.chaosfn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of chaosfn, as the build wrote it; journals carry it as {@code chaoslib-version}. */
public final class ChaosfnVersion {
  private static final String VERSION = read();

  private ChaosfnVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = ChaosfnVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
