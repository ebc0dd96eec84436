package io.chaosfn.experiment;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EventBridge Scheduler expression grammar, checked locally so that a wrong expression is reported before
 * any API call: {@code rate(value unit)}, {@code at(yyyy-mm-ddThh:mm:ss)} and the six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, in which exactly one of the two day fields is
 * {@code ?}. The Scheduler stays the final judge; this catches what a user is likely to get wrong (five-field
 * Unix cron, a missing {@code ?}, a value out of range, {@code rate(1 minutes)}).
 */
public final class ScheduleExpression {
  private static final Pattern FORM = Pattern.compile("(rate|cron|at)\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern RATE = Pattern.compile("([1-9][0-9]{0,8}) (minute|minutes|hour|hours|day|days)");
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final Pattern DAY_OF_MONTH_SPECIAL = Pattern.compile("L|LW|([1-9]|[12][0-9]|3[01])W");
  private static final Pattern DAY_OF_WEEK_SPECIAL =
      Pattern.compile("(?:([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(?:#([1-5])|L))|L");

  private ScheduleExpression() {}

  /** The problems with {@code expression}, empty when the Scheduler's grammar accepts it. */
  public static List<String> problems(String expression) {
    List<String> problems = new ArrayList<>();
    Matcher form = FORM.matcher(expression == null ? "" : expression);
    if (!form.matches()) {
      problems.add("expected rate(...), cron(...) or at(...), found '" + expression + "'");
      return problems;
    }
    String body = form.group(2);
    switch (form.group(1)) {
      case "rate" -> rate(body, problems);
      case "at" -> at(body, problems);
      default -> cron(body, problems);
    }
    return problems;
  }

  public static boolean isValid(String expression) {
    return problems(expression).isEmpty();
  }

  private static void rate(String body, List<String> problems) {
    Matcher rate = RATE.matcher(body);
    if (!rate.matches()) {
      problems.add("rate(...) takes a positive whole number and minute(s), hour(s) or day(s), found 'rate(" + body
          + ")'");
      return;
    }
    boolean one = rate.group(1).equals("1");
    boolean singular = !rate.group(2).endsWith("s");
    if (one != singular) {
      problems.add("rate(" + body + "): the unit is singular for 1 and plural otherwise");
    }
  }

  private static void at(String body, List<String> problems) {
    try {
      LocalDateTime.parse(body, AT);
    } catch (DateTimeParseException e) {
      problems.add("at(...) takes a date and time yyyy-mm-ddThh:mm:ss, found 'at(" + body + ")'");
    }
  }

  private static void cron(String body, List<String> problems) {
    String[] fields = body.trim().split(" +");
    if (fields.length != 6) {
      problems.add("cron(...) takes six fields (minutes hours day-of-month month day-of-week year), found "
          + fields.length + " in 'cron(" + body + ")'");
      return;
    }
    field("minutes", fields[0], 0, 59, List.of(), problems);
    field("hours", fields[1], 0, 23, List.of(), problems);
    boolean anyDayOfMonth = fields[2].equals("?");
    boolean anyDayOfWeek = fields[4].equals("?");
    if (anyDayOfMonth == anyDayOfWeek) {
      problems.add("cron(" + body + "): exactly one of day-of-month and day-of-week must be '?'");
    }
    if (!anyDayOfMonth && !DAY_OF_MONTH_SPECIAL.matcher(fields[2]).matches()) {
      field("day-of-month", fields[2], 1, 31, List.of(), problems);
    }
    field("month", fields[3], 1, 12, MONTHS, problems);
    if (!anyDayOfWeek && !DAY_OF_WEEK_SPECIAL.matcher(fields[4]).matches()) {
      field("day-of-week", fields[4], 1, 7, DAYS, problems);
    }
    field("year", fields[5], 1970, 2199, List.of(), problems);
  }

  /** A list of {@code *}, values, ranges {@code a-b} and increments {@code x/n}, each value within bounds. */
  private static void field(String name, String text, int min, int max, List<String> names, List<String> problems) {
    for (String item : text.split(",", -1)) {
      if (!item(item, min, max, names)) {
        problems.add(name + ": '" + item + "' is not *, a value from " + min + " to " + max
            + (names.isEmpty() ? "" : " (or " + names.get(0) + "-" + names.get(names.size() - 1) + ")")
            + ", a range a-b or an increment x/n");
        return;
      }
    }
  }

  private static boolean item(String item, int min, int max, List<String> names) {
    String base = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      base = item.substring(0, slash);
      Integer step = number(item.substring(slash + 1), 1, max, List.of());
      if (step == null) {
        return false;
      }
    }
    if (base.equals("*")) {
      return true;
    }
    int dash = base.indexOf('-');
    if (dash < 0) {
      return number(base, min, max, names) != null;
    }
    Integer from = number(base.substring(0, dash), min, max, names);
    Integer to = number(base.substring(dash + 1), min, max, names);
    return from != null && to != null;
  }

  private static Integer number(String text, int min, int max, List<String> names) {
    int named = names.indexOf(text);
    if (named >= 0) {
      return named + min;
    }
    if (!text.matches("[0-9]{1,4}")) {
      return null;
    }
    int value = Integer.parseInt(text);
    return value < min || value > max ? null : value;
  }
}
