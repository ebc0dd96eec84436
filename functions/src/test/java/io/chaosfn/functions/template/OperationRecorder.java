package io.chaosfn.functions.template;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Registered for every SDK client built in the functions tests (the SDK's global
 * {@code execution.interceptors} resource): for a call made under a handler's {@code handleRequest}, checks that
 * {@link HandlerOperations} lists its IAM action and fails the call otherwise, naming the handler and the action.
 * So every handler test also checks that the template's policy (which the contract test compares with the list)
 * allows what the handler does. Calls outside handlers (test setup, the CLI) are not checked.
 */
public final class OperationRecorder implements ExecutionInterceptor {
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
  private static final String HANDLER_PACKAGE = "io.chaosfn.functions.";

  /** {@code handler action} pairs seen so far in this JVM. */
  static Set<String> seen() {
    return Set.copyOf(SEEN);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    Optional<String> handler = StackWalker.getInstance().walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> name.startsWith(HANDLER_PACKAGE) && name.endsWith("Handler"))
        .reduce((first, last) -> last));
    if (handler.isEmpty()) {
      return;
    }
    String action = HandlerOperations.action(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        context.request().getValueForField("VersionId", String.class));
    SEEN.add(handler.get() + " " + action);
    Set<String> declared = HandlerOperations.BY_HANDLER.getOrDefault(handler.get(), Set.of());
    if (!declared.contains(action)) {
      throw new IllegalStateException(handler.get() + " calls " + action + ", which HandlerOperations does not"
          + " list for it: add it there and to the function's policy in sam-template.yaml");
    }
  }
}
