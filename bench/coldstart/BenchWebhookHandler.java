import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.functions.webhook.WebhookComponents;
import io.chaosfn.functions.webhook.WebhookHandler;
import io.chaosfn.trigger.local.DirectoryExperimentCatalog;
import java.nio.file.Path;

/**
 * Bench only: the webhook handler has no no-argument constructor yet (the composition root does not build its
 * catalog and run requests), so this builds it the way that root will, from WebhookComponents, with an empty
 * directory catalog and run requests that are never reached by the benchmark's request (a GET, answered 405).
 */
public final class BenchWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final WebhookHandler handler = new WebhookHandler(WebhookComponents.from(System.getenv())
      .webhooks(new DirectoryExperimentCatalog(Path.of(System.getenv("BENCH_CATALOG"))), requests -> {
        throw new IllegalStateException("the benchmark requests no runs");
      }));

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return handler.handleRequest(event, context);
  }
}
