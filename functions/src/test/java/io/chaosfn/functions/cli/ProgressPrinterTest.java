package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressPrinterTest {
  @ParameterizedTest
  @CsvSource({
      "0, 0.000",
      "0.0004, 0.000",
      "0.0005, 0.001",
      "0.0015, 0.002",
      "0.25, 0.250",
      "1.5, 1.500",
      "12.3456, 12.346",
      "59.9996, 60.000",
      "61.07, 61.070",
      "3600.001, 3600.001",
      "-0.002, -0.002",
      "-0.0001, 0.000"})
  void seconds_haveThreeDecimals_roundedHalfUp(double seconds, String printed) {
    assertThat(ProgressPrinter.seconds(seconds)).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource({"0.001", "0.123", "0.9999", "1.0625", "2.75", "10.5", "123.456", "7200.5"})
  void seconds_printLikeTheFormatTheyReplace(double seconds) {
    assertThat(ProgressPrinter.seconds(seconds)).isEqualTo(String.format(Locale.ROOT, "%.3f", seconds));
  }
}
