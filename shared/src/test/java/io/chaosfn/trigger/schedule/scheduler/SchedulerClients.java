package io.chaosfn.trigger.schedule.scheduler;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/** Scheduler clients for tests: pointed at a {@link SchedulerStandIn}, dummy credentials, no retries. */
public final class SchedulerClients {
  private SchedulerClients() {}

  public static SchedulerClient to(SchedulerStandIn standIn) {
    return SchedulerClient.builder()
        .endpointOverride(standIn.endpoint())
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(config -> config.retryStrategy(builder -> builder.maxAttempts(1)))
        .build();
  }
}
