package io.chaosfn.functions;

import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.s3.S3ProxyServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * dynalite and s3proxy for a test class (real local implementations, started once), and a fresh
 * {@link LocalFunctions} over them for each test (its table, bucket and stand-ins made before and removed after).
 */
final class LocalServices implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final Dynalite dynamoDb = new Dynalite();
  private final S3ProxyServer s3 = new S3ProxyServer();
  private LocalFunctions functions;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dynamoDb.beforeAll(context);
    s3.beforeAll(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    functions = new LocalFunctions(new DynaliteAndS3Proxy(dynamoDb, s3));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    functions.close();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    s3.afterAll(context);
    dynamoDb.afterAll(context);
  }

  /** The current test's functions. */
  LocalFunctions functions() {
    return functions;
  }
}
