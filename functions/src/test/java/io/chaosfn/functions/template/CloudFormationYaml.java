package io.chaosfn.functions.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template in YAML into maps and lists, with the short-form intrinsic tags turned into
 * their long form ({@code !Ref X} → {@code {Ref: X}}, {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}},
 * {@code !Sub s} → {@code {Fn::Sub: s}}), so references can be checked. Plain SnakeYAML refuses the tags, and
 * Jackson's YAML reader drops them silently (lambda-engineering.md §6).
 */
final class CloudFormationYaml {
  private static final List<String> FUNCTIONS = List.of("GetAtt", "Sub", "If", "Equals", "Not", "Join", "Select",
      "Split", "FindInMap", "ImportValue", "And", "Or", "GetAZs", "Base64", "Cidr", "Transform", "ToJsonString",
      "Length");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class IntrinsicConstructor extends SafeConstructor {
    IntrinsicConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
    }

    /** One short-form tag: the tagged scalar, list or map becomes the value of its long-form key. */
    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = scalar.getValue();
          value = key.equals("Fn::GetAtt") ? Arrays.asList(text.split("\\.", 2)) : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(key, value);
      }
    }
  }
}
