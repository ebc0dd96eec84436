package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.deployment.DeploymentActivities;
import io.chaosfn.kubernetes.event.EventProbes;
import io.chaosfn.kubernetes.pod.PodLogs;
import io.chaosfn.kubernetes.pod.PodProbes;
import io.chaosfn.kubernetes.pod.TerminatePods;
import io.chaosfn.kubernetes.service.ServiceProbes;
import io.chaosfn.kubernetes.statefulset.StatefulSetActivities;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The native chaosk8s activities (chaostoolkit-kubernetes 0.39), registered under their Python module and
 * function names so existing experiments run unchanged.
 */
public final class KubernetesActivities implements NativeActivities {
  /**
   * chaosk8s modules with nothing native yet: validation says "not supported yet" for them instead of "unknown
   * module".
   */
  public static final List<String> UNSUPPORTED_MODULES = List.of(
      "chaosk8s.node", "chaosk8s.chaosmesh", "chaosk8s.crd", "chaosk8s.networking", "chaosk8s.daemonset",
      "chaosk8s.replicaset", "chaosk8s.secret", "chaosk8s.namespace", "chaosk8s.service.actions");

  /**
   * chaosk8s 0.39 functions of the supported modules that have no native implementation yet: validation says
   * "not supported yet" for them instead of "the module does not expose a function".
   */
  public static final List<String> UNSUPPORTED_FUNCTIONS = List.of(
      "chaosk8s.pod.actions.exec_in_pods",
      "chaosk8s.deployment.actions.create_deployment",
      "chaosk8s.statefulset.actions.create_statefulset", "chaosk8s.statefulset.actions.remove_statefulset",
      "chaosk8s.actions.start_microservice", "chaosk8s.actions.remove_service_endpoint",
      "chaosk8s.probes.all_microservices_healthy", "chaosk8s.probes.microservice_is_not_available",
      "chaosk8s.probes.service_endpoint_is_initialized", "chaosk8s.probes.read_microservices_logs");

  private final List<NativeActivity> activities;

  /** With the default retry budget, a secure random source and {@value KubernetesSupport#DEFAULT_DELETE_CONCURRENCY} concurrent deletes. */
  public KubernetesActivities(KubernetesClients clients, GuardrailPolicy deploymentPolicy) {
    this(new KubernetesSupport(clients, ApiCalls.defaults(), deploymentPolicy, new SecureRandom(),
        KubernetesSupport.DEFAULT_DELETE_CONCURRENCY));
  }

  public KubernetesActivities(KubernetesSupport support) {
    List<NativeActivity> all = new ArrayList<>();
    all.add(TerminatePods.terminatePods(support));
    all.add(TerminatePods.deletePods(support));
    all.addAll(new PodProbes(support).activities());
    all.addAll(new PodLogs(support).activities());
    all.addAll(new DeploymentActivities(support).activities());
    all.addAll(new StatefulSetActivities(support).activities());
    all.addAll(new ServiceProbes(support).activities());
    all.addAll(new EventProbes(support).activities());
    this.activities = List.copyOf(all);
  }

  @Override
  public Collection<NativeActivity> activities() {
    return activities;
  }

  /**
   * Adds these activities to {@code registry} and declares the chaosk8s modules and functions that are not
   * supported yet.
   */
  public ActivityRegistry.Builder registerInto(ActivityRegistry.Builder registry) {
    registry.addAll(this);
    UNSUPPORTED_MODULES.forEach(registry::unsupported);
    UNSUPPORTED_FUNCTIONS.forEach(registry::unsupported);
    return registry;
  }
}
