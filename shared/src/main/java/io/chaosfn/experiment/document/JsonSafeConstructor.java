package io.chaosfn.experiment.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor, narrowed to values a JSON tree can hold. Timestamps become the ISO strings
 * Python's {@code isoformat()} prints for what PyYAML builds (a {@code date} or a {@code datetime} keeping its
 * offset), so the journal shows what the author wrote. {@code !!binary}, {@code !!set} and {@code !!pairs} have
 * no JSON form and are refused where they appear. Every other non-standard tag is refused by SafeConstructor
 * itself ("could not determine a constructor"), which is how {@code !!python/...} tags fail.
 */
final class JsonSafeConstructor extends SafeConstructor {
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d*))?"
              + "(?:[ \\t]*(Z|([-+])(\\d{1,2})(?::(\\d{2}))?))?)?$");

  JsonSafeConstructor(LoaderOptions options) {
    super(options);
    yamlConstructors.put(Tag.TIMESTAMP, new IsoTimestamp());
    yamlConstructors.put(Tag.BINARY, new Refused("!!binary"));
    yamlConstructors.put(Tag.SET, new Refused("!!set"));
    yamlConstructors.put(new Tag("tag:yaml.org,2002:pairs"), new Refused("!!pairs"));
  }

  private final class IsoTimestamp extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      String text = constructScalar((ScalarNode) node);
      Matcher m = TIMESTAMP.matcher(text.trim());
      if (!m.matches()) {
        throw new RefusedValue("'" + text + "' is not a timestamp", node);
      }
      try {
        LocalDate date =
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
          return date.toString();
        }
        LocalTime time =
            LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return date + "T" + time.toString().substring(0, 5) + ":" + m.group(6) + fraction(m.group(7)) + offset(m);
      } catch (DateTimeException e) {
        throw new RefusedValue("'" + text + "' is not a valid timestamp: " + e.getMessage(), node);
      }
    }

    /** Python keeps microseconds: the fraction is cut or padded to six digits and omitted when zero. */
    private String fraction(String digits) {
      if (digits == null || digits.isEmpty()) {
        return "";
      }
      String micros = (digits + "000000").substring(0, 6);
      return micros.equals("000000") ? "" : "." + micros;
    }

    private String offset(Matcher m) {
      if (m.group(8) == null) {
        return "";
      }
      if (m.group(8).equals("Z")) {
        return "+00:00";
      }
      int hours = Integer.parseInt(m.group(10));
      int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
      return String.format("%s%02d:%02d", m.group(9), hours, minutes);
    }
  }

  private static final class Refused extends AbstractConstruct {
    private final String tag;

    Refused(String tag) {
      this.tag = tag;
    }

    @Override
    public Object construct(Node node) {
      throw new RefusedValue("the tag " + tag + " has no JSON form and is not supported", node);
    }
  }

  /** A constructor error with the node's position, so the reader can say where. */
  static final class RefusedValue extends ConstructorException {
    private static final long serialVersionUID = 1L;

    RefusedValue(String problem, Node node) {
      super(null, null, problem, node.getStartMark());
    }
  }
}
