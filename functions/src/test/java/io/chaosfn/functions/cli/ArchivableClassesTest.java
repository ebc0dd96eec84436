package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CLI's start path must be made of classes the AppCDS archive can hold: the JVM refuses class files older
 * than version 50 ("Pre JDK 6 class not supported by CDS"), which is why picocli comes from chaosfn-picocli, its
 * sources built for release 17, and not from the published Java 5 jar (docs/performance.md).
 */
class ArchivableClassesTest {
  private static final int JAVA_17 = 61;

  @ParameterizedTest
  @ValueSource(classes = {CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class})
  void classFileVersion_picocliOnTheClasspath_isJava17(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";

    int major;
    try (InputStream in = type.getResourceAsStream(resource); DataInputStream data = new DataInputStream(in)) {
      data.readInt();
      data.readUnsignedShort();
      major = data.readUnsignedShort();
    }

    assertThat(major).as("class file major version of %s", type.getName()).isEqualTo(JAVA_17);
  }
}
