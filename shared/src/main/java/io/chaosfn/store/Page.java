package io.chaosfn.store;

import java.util.List;

/**
 * One page of results and the opaque cursor of the next one (null when there is none). Cursors are
 * tamper-checked by the store that made them.
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
