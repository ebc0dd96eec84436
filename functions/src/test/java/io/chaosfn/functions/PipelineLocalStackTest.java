package io.chaosfn.functions;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The pipeline on LocalStack's DynamoDB and S3, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineLocalStackTest extends PipelineContract {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3);

  @Override
  protected LocalAws aws() {
    return new LocalStackAws(LOCALSTACK);
  }
}
