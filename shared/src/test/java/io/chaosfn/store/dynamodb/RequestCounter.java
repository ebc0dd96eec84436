package io.chaosfn.store.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Records every DynamoDB operation a client sends, and how many items its Queries read (ScannedCount). */
public final class RequestCounter implements ExecutionInterceptor {
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private final AtomicInteger itemsRead = new AtomicInteger();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    if (context.response() instanceof QueryResponse query) {
      itemsRead.addAndGet(query.scannedCount());
    }
  }

  public void reset() {
    operations.clear();
    itemsRead.set(0);
  }

  public List<String> operations() {
    return List.copyOf(operations);
  }

  public long count(String operation) {
    return operations.stream().filter(operation::equals).count();
  }

  public int itemsRead() {
    return itemsRead.get();
  }
}
