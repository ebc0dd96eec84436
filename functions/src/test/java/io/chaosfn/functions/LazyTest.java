package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  private final AtomicInteger builds = new AtomicInteger();

  @Test
  void newLazy_beforeGet_buildsNothing() {
    new Lazy<>(builds::incrementAndGet);

    assertThat(builds).hasValue(0);
  }

  @Test
  void get_twice_buildsOnceAndKeepsTheValue() {
    Lazy<Integer> lazy = new Lazy<>(builds::incrementAndGet);

    Integer first = lazy.get();
    Integer second = lazy.get();

    assertThat(builds).hasValue(1);
    assertThat(second).isSameAs(first);
  }
}
