package io.chaosfn.functions.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.experiment.ScheduleExpression;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sam-template.yaml against the code (issue 4 item 9): handlers, environment, table, schedules, policies,
 * references and resource types. Each test lists every mismatch it finds, naming the function and what is
 * missing, so a handler that has not been written yet shows up as exactly that.
 */
class FunctionsContractTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private static final String FUNCTIONS_PACKAGE = "io.chaosfn.functions";
  /**
   * Variables the template does not set: {@code AWS_*} are the Lambda runtime's (reserved, the template cannot
   * set them), {@code *_ENDPOINT} point a client at a local service (the sandbox, tests).
   */
  private static final Pattern NOT_FOR_THE_TEMPLATE = Pattern.compile("AWS_.*|.*_ENDPOINT");
  private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private final SamTemplate template = SamTemplate.atRepositoryRoot();

  @Test
  void handlers_resolveToPublicClassesWithConstructorAndHandleRequest() {
    List<String> problems = new ArrayList<>();

    for (String function : template.functions()) {
      String handler = String.valueOf(template.functionProperty(function, "Handler"));
      problems.addAll(handlerProblems(function, handler));
    }

    assertThat(problems).as("handlers").isEmpty();
  }

  @Test
  void environment_setsEveryVariableTheHandlersRead() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(FUNCTIONS_PACKAGE);
    List<String> problems = new ArrayList<>();

    for (String function : template.functions()) {
      String handler = handlerClass(function);
      if (!classes.contain(handler)) {
        problems.add(function + ": handler class " + handler + " is not on the functions' classpath");
        continue;
      }
      Set<String> set = template.environment(function).keySet();
      for (String variable : variablesRead(classes.get(handler))) {
        if (!set.contains(variable)) {
          problems.add(function + " (" + handler + ") reads " + variable + ", which the template does not set");
        }
      }
    }

    assertThat(problems).as("environment").isEmpty();
  }

  @Test
  void table_matchesDynamoDbTables() {
    DynamoDbClient client = DYNALITE.client();
    String table = "contract-" + UUID.randomUUID();
    DynamoDbTables.create(client, table);
    TableDescription code = client.describeTable(d -> d.tableName(table)).table();
    Map<String, Object> declared = template.properties(tableResource());

    assertThat(keys(declared.get("KeySchema"))).as("key schema").isEqualTo(code.keySchema().stream()
        .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList());
    assertThat(attributeDefinitions(declared)).as("attribute definitions").isEqualTo(code.attributeDefinitions()
        .stream().map(a -> a.attributeName() + " " + a.attributeTypeAsString()).collect(TreeSet::new, Set::add,
            Set::addAll));
    assertThat(indexes(declared)).as("global secondary indexes").isEqualTo(indexes(code));
    Map<String, Object> ttl = SamTemplate.map(declared.get("TimeToLiveSpecification"));
    assertThat(ttl).as("TTL").containsEntry("AttributeName", DynamoDbTables.TTL_ATTRIBUTE)
        .containsEntry("Enabled", true);
    assertThat(SamTemplate.map(declared.get("PointInTimeRecoverySpecification")))
        .as("point-in-time recovery").containsEntry("PointInTimeRecoveryEnabled", true);
  }

  @Test
  void scheduleExpressions_areValid() {
    List<Object> expressions = new ArrayList<>(SamTemplate.valuesOf(template.root(), "ScheduleExpression"));
    template.functions().forEach(function -> SamTemplate.<Object>map(template.properties(function).get("Events"))
        .values().stream().map(SamTemplate::map)
        .filter(event -> "Schedule".equals(event.get("Type")))
        .forEach(event -> expressions.add(SamTemplate.map(event.get("Properties")).get("Schedule"))));

    assertThat(expressions).as("schedule expressions in the template").isNotEmpty()
        .allSatisfy(expression -> assertThat(expression).isInstanceOfSatisfying(String.class,
            text -> assertThat(ScheduleExpression.problems(text)).as(text).isEmpty()));
  }

  @Test
  void policies_allowExactlyWhatEachHandlerCalls() {
    List<String> problems = new ArrayList<>();

    for (String function : template.functions()) {
      String handler = handlerClass(function);
      Set<String> calls = HandlerOperations.BY_HANDLER.get(handler);
      if (calls == null) {
        problems.add(function + ": HandlerOperations lists nothing for " + handler);
        continue;
      }
      Set<String> needed = new TreeSet<>(calls);
      calls.forEach(call -> needed.addAll(HandlerOperations.IMPLIED.getOrDefault(call, Set.of())));
      Set<String> granted = template.policyActions(function);
      needed.stream().filter(action -> !granted.contains(action))
          .forEach(action -> problems.add(function + " calls " + action + " but its policy does not allow it"));
      granted.stream().filter(action -> !needed.contains(action))
          .forEach(action -> problems.add(function + "'s policy allows " + action + ", which its code never calls"));
    }

    assertThat(problems).as("policies").isEmpty();
  }

  @Test
  void references_nameResourcesParametersOrWhatSamGenerates() {
    Set<String> known = new HashSet<>(template.resources().keySet());
    known.addAll(template.names("Parameters"));
    template.functions().forEach(function -> known.addAll(List.of(function + "Role", function + "Url",
        function + ".Alias")));
    Set<String> referenced = new TreeSet<>();
    SamTemplate.valuesOf(template.root(), "Ref").forEach(ref -> referenced.add(String.valueOf(ref)));
    SamTemplate.valuesOf(template.root(), "Fn::GetAtt").forEach(att -> referenced.add(
        String.valueOf(((List<?>) att).get(0))));
    SamTemplate.valuesOf(template.root(), "Fn::Sub").forEach(sub -> {
      Matcher reference = SUB_REFERENCE.matcher(String.valueOf(sub instanceof List<?> list ? list.get(0) : sub));
      while (reference.find()) {
        referenced.add(reference.group(1).split("\\.")[0]);
      }
    });

    assertThat(referenced).as("references").allSatisfy(name -> assertThat(
        name.startsWith("AWS::") || known.contains(name)).as(name + " is defined").isTrue());
  }

  @Test
  void resourceTypesAndProperties_existInTheCloudFormationSpec() throws IOException {
    Map<String, Set<String>> spec = cloudFormationSpec();
    List<String> problems = new ArrayList<>();

    template.resources().forEach((name, resource) -> {
      String type = String.valueOf(resource.get("Type"));
      if (!spec.containsKey(type)) {
        problems.add(name + ": unknown resource type " + type);
      } else if (!type.startsWith("AWS::Serverless::")) {
        // The spec's Serverless entries are stale (no SnapStart, no ScheduleV2): only their types are checked.
        template.properties(name).keySet().stream().filter(property -> !spec.get(type).contains(property))
            .forEach(property -> problems.add(name + ": " + type + " has no property " + property));
      }
    });

    assertThat(problems).as("resource types").isEmpty();
  }

  @Test
  void asyncRunsAndSnapStart_areConfiguredAsDesigned() {
    Map<String, Object> run = template.properties(functionWithHandler("io.chaosfn.functions.RunExperimentHandler"));

    assertThat(SamTemplate.map(run.get("EventInvokeConfig"))).as("RunExperiment never retries by itself")
        .containsEntry("MaximumRetryAttempts", 0).containsKey("DestinationConfig");
    assertThat(run.get("Timeout")).isEqualTo(900);
    assertThat(template.functions()).allSatisfy(function -> {
      if (template.properties(function).containsKey("SnapStart")) {
        assertThat(template.properties(function)).as(function + " publishes versions for SnapStart")
            .containsKey("AutoPublishAlias");
      }
    });
  }

  private List<String> handlerProblems(String function, String handler) {
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String method = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    Class<?> type;
    try {
      type = Class.forName(className, false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      return List.of(function + ": handler class " + className + " is not on the functions' classpath");
    }
    List<String> problems = new ArrayList<>();
    if (!Modifier.isPublic(type.getModifiers())) {
      problems.add(function + ": " + className + " is not public");
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        problems.add(function + ": " + className + "() is not public");
      }
    } catch (NoSuchMethodException e) {
      problems.add(function + ": " + className + " has no public no-argument constructor for Lambda to call");
    }
    boolean found = false;
    for (Method candidate : type.getMethods()) {
      found |= candidate.getName().equals(method) && !candidate.isBridge();
    }
    if (!found) {
      problems.add(function + ": " + className + " has no public method " + method);
    }
    return problems;
  }

  private String handlerClass(String function) {
    String handler = String.valueOf(template.functionProperty(function, "Handler"));
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  private String functionWithHandler(String handler) {
    return template.functions().stream().filter(function -> handlerClass(function).equals(handler)).findFirst()
        .orElseThrow(() -> new AssertionError("no function has the handler " + handler));
  }

  private String tableResource() {
    return template.resources().entrySet().stream()
        .filter(e -> "AWS::DynamoDB::Table".equals(e.getValue().get("Type"))).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new AssertionError("the template declares no table"));
  }

  /**
   * The variables the handler's code may read: the {@code VARIABLES} lists of every functions class it reaches
   * through its dependencies (its composition root, the settings classes).
   */
  private static Set<String> variablesRead(JavaClass handler) {
    Set<String> variables = new TreeSet<>();
    Set<String> visited = new HashSet<>();
    Deque<JavaClass> queue = new ArrayDeque<>(List.of(handler));
    while (!queue.isEmpty()) {
      JavaClass current = queue.pop();
      if (!visited.add(current.getName())) {
        continue;
      }
      variables.addAll(declaredVariables(current.getName()));
      current.getDirectDependenciesFromSelf().stream().map(dependency -> dependency.getTargetClass())
          .filter(target -> target.getPackageName().startsWith(FUNCTIONS_PACKAGE))
          .forEach(queue::add);
    }
    variables.removeIf(variable -> NOT_FOR_THE_TEMPLATE.matcher(variable).matches());
    return variables;
  }

  private static List<String> declaredVariables(String className) {
    try {
      Field field = Class.forName(className).getDeclaredField("VARIABLES");
      if (!Modifier.isStatic(field.getModifiers()) || !List.class.isAssignableFrom(field.getType())) {
        return List.of();
      }
      field.setAccessible(true);
      return ((List<?>) field.get(null)).stream().map(String::valueOf).toList();
    } catch (NoSuchFieldException e) {
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + className + ".VARIABLES", e);
    }
  }

  private static List<String> keys(Object keySchema) {
    List<String> keys = new ArrayList<>();
    for (Object key : keySchema instanceof List<?> list ? list : List.of()) {
      Map<String, Object> element = SamTemplate.map(key);
      keys.add(element.get("AttributeName") + " " + element.get("KeyType"));
    }
    return keys;
  }

  private static Set<String> attributeDefinitions(Map<String, Object> table) {
    Set<String> definitions = new TreeSet<>();
    for (Object definition : (List<?>) table.get("AttributeDefinitions")) {
      Map<String, Object> element = SamTemplate.map(definition);
      definitions.add(element.get("AttributeName") + " " + element.get("AttributeType"));
    }
    return definitions;
  }

  /** Index name → its keys, projection type and projected attributes (sorted). */
  private static Map<String, String> indexes(Map<String, Object> table) {
    Map<String, String> indexes = new TreeMap<>();
    for (Object index : (List<?>) table.get("GlobalSecondaryIndexes")) {
      Map<String, Object> element = SamTemplate.map(index);
      Map<String, Object> projection = SamTemplate.map(element.get("Projection"));
      Object attributes = projection.getOrDefault("NonKeyAttributes", List.of());
      indexes.put(String.valueOf(element.get("IndexName")), keys(element.get("KeySchema")) + " "
          + projection.get("ProjectionType") + " " + new TreeSet<>((List<?>) attributes).toString());
    }
    return indexes;
  }

  private static Map<String, String> indexes(TableDescription table) {
    Map<String, String> indexes = new TreeMap<>();
    for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
      indexes.put(index.indexName(), index.keySchema().stream()
          .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList() + " "
          + index.projection().projectionTypeAsString() + " " + new TreeSet<>(index.projection().nonKeyAttributes()));
    }
    return indexes;
  }

  /** Resource type → property names, from {@code @aws-cdk/aws-service-spec} (installed by {@code npm ci}). */
  private static Map<String, Set<String>> cloudFormationSpec() throws IOException {
    Path database = Path.of(System.getProperty("chaosfn.root"), "infrastructure", "local", "node_modules",
        "@aws-cdk", "aws-service-spec", "db.json.gz");
    Map<String, Set<String>> types = new HashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(database))) {
      JsonNode entities = JsonMapper.builder().build().readTree(in).path("schema").path("resource").path("entities");
      for (JsonNode entity : entities.values()) {
        types.put(entity.path("cloudFormationType").asString(),
            new LinkedHashSet<>(entity.path("properties").propertyNames()));
      }
    }
    return types;
  }
}
