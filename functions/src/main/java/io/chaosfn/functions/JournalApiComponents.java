package io.chaosfn.functions;

import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the journal API function is built from, read once per container: the table ({@code CHAOSFN_TABLE}) and
 * the DynamoDB connection ({@link DynamoDbSettings}; credentials are the function role's, which Lambda puts in
 * the standard variables). To be folded into the functions' one composition root when it exists.
 */
public final class JournalApiComponents {
  public static final String TABLE = "CHAOSFN_TABLE";
  /** Every variable this class reads, for the SAM template contract test. */
  public static final List<String> VARIABLES =
      Stream.concat(Stream.of(TABLE), DynamoDbSettings.VARIABLES.stream()).toList();

  private final JournalQueryService journalQueries;

  private JournalApiComponents(JournalQueryService journalQueries) {
    this.journalQueries = journalQueries;
  }

  /** The function's components from its process environment. */
  public static JournalApiComponents fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * @throws IllegalArgumentException naming every variable that is missing or malformed
   */
  public static JournalApiComponents from(Map<String, String> environment) {
    String table = environment.get(TABLE);
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(TABLE + " is not set: the journal API needs the name of the journal table");
    }
    DynamoDbSettings dynamoDb = DynamoDbSettings.from(environment);
    return new JournalApiComponents(new JournalQueryService(new DynamoDbJournalStore(
        dynamoDb.client(), table.trim())));
  }

  public JournalQueryService journalQueries() {
    return journalQueries;
  }
}
