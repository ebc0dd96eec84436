import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The cold start baseline: the smallest Java handler, on a classpath of the runtime client and lambda-core only. */
public final class HelloHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return "hello";
  }
}
