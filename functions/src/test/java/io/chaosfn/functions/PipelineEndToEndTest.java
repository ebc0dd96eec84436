package io.chaosfn.functions;

import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.s3.S3ProxyServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline on dynalite and s3proxy, real local implementations started by the test. */
class PipelineEndToEndTest extends PipelineContract {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();

  @Override
  protected LocalAws aws() {
    return new DynaliteAndS3Proxy(DYNALITE, S3);
  }
}
