package io.chaosfn.functions.cli;

import io.chaosfn.functions.DynamoDbSettings;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** The journal store `run` writes to and `journals` reads from, as {@code --store} or the environment names it. */
final class JournalStores {
  static final String STORE_VARIABLE = "CHAOSFN_STORE";
  private static final String DIRECTORY = "dir:";
  private static final String DYNAMODB = "dynamodb:";
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private JournalStores() {}

  /**
   * The store named by {@code --store}, else {@code CHAOSFN_STORE}, else {@code dir:~/.chaosfn/journals}:
   * {@code dir:PATH} or {@code dynamodb:TABLE}. The DynamoDB client is only built when a table is named, so
   * other commands never load the SDK's client classes.
   *
   * @throws CommandLine.ParameterException for a malformed store name or incomplete AWS settings (a usage error)
   */
  static JournalStore open(String option, CliEnvironment environment, CommandLine commandLine) {
    String name = option != null ? option : environment.get(STORE_VARIABLE);
    if (name == null || name.isBlank()) {
      return new DirectoryJournalStore(environment.home().resolve(".chaosfn").resolve("journals"));
    }
    if (name.startsWith(DIRECTORY) && name.length() > DIRECTORY.length()) {
      String path = name.substring(DIRECTORY.length());
      return new DirectoryJournalStore(path.startsWith("~/") ? environment.home().resolve(path.substring(2))
          : Path.of(path));
    }
    if (name.startsWith(DYNAMODB) && TABLE_NAME.matcher(name.substring(DYNAMODB.length())).matches()) {
      return dynamoDb(name.substring(DYNAMODB.length()), environment, commandLine);
    }
    throw new CommandLine.ParameterException(commandLine,
        "unknown store '" + name + "': expected dir:PATH or dynamodb:TABLE (a table name is 3-255 letters, digits,"
            + " '_', '-' or '.')");
  }

  private static JournalStore dynamoDb(String table, CliEnvironment environment, CommandLine commandLine) {
    DynamoDbSettings settings;
    try {
      settings = DynamoDbSettings.from(environment.variables());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "store dynamodb:" + table + ": " + e.getMessage());
    }
    return new DynamoDbJournalStore(settings.client(), table);
  }
}
