package io.chaosfn.activity;

import java.util.Collection;

/**
 * A group of native activities contributed together (one per Chaos Toolkit extension, e.g. chaosk8s). The
 * composition root registers each group with the clients it needs; nothing is discovered implicitly.
 */
public interface NativeActivities {
  Collection<NativeActivity> activities();
}
