package io.chaosfn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)", "rate(7 days)",
      "at(2027-03-01T10:00:00)",
      "cron(0 10 ? * MON-FRI *)", "cron(0/15 9-17 ? * MON-FRI *)", "cron(0 12 * * ? *)",
      "cron(15 10 ? * 6L 2026-2030)", "cron(0 8 1,15 JAN-JUN ? *)", "cron(0 0 L * ? *)", "cron(0 0 3W * ? *)",
      "cron(0 9 ? * 2#1 *)", "cron(5,35 */2 ? * SUN *)"})
  void isValid_schedulerExpressions_accepted(String expression) {
    boolean valid = ScheduleExpression.isValid(expression);

    assertThat(valid).as(expression + ": " + ScheduleExpression.problems(expression)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 10 * * 1-5|expected rate(...), cron(...) or at(...)",
      "cron(0 10 * * 1-5)|takes six fields",
      "cron(0 12 * * * *)|exactly one of day-of-month and day-of-week must be '?'",
      "cron(0 12 ? * ? *)|exactly one of day-of-month and day-of-week must be '?'",
      "cron(60 12 ? * MON *)|minutes: '60'",
      "cron(0 24 ? * MON *)|hours: '24'",
      "cron(0 12 32 * ? *)|day-of-month: '32'",
      "cron(0 12 ? FOO MON *)|month: 'FOO'",
      "cron(0 12 ? * MON-XYZ *)|day-of-week: 'MON-XYZ'",
      "cron(0 12 ? * MON 1800)|year: '1800'",
      "rate(1 minutes)|singular for 1",
      "rate(5 minute)|singular for 1",
      "rate(0 minutes)|positive whole number",
      "rate(5 weeks)|positive whole number",
      "at(2027-02-30T10:00:00)|yyyy-mm-ddThh:mm:ss",
      "at(2027-03-01 10:00)|yyyy-mm-ddThh:mm:ss"})
  void problems_invalidExpression_namesWhatIsWrong(String expression, String message) {
    var problems = ScheduleExpression.problems(expression);

    assertThat(problems).anySatisfy(problem -> assertThat(problem).contains(message));
  }
}
