package io.chaosfn.sandbox;

/**
 * The seed experiment as the sandbox uploads it: infrastructure/examples/frontend-db-failover.yaml with a deploy
 * trigger on {@code frontend-app} and a short pause, so the story fits in a minute.
 */
final class ExperimentDocument {
  static final String YAML = """
      version: 1.0.0
      title: The frontend keeps serving pages when the database leader dies
      description: Terminate the Patroni leader of the frontend database; the frontend must still answer 200.
      tags: [kubernetes, database, failover]
      configuration:
        frontend_url:
          type: env
          key: CHAOSFN_EXPERIMENT_FRONTEND_URL
      steady-state-hypothesis:
        title: the frontend is available and answers
        probes:
          - type: probe
            name: frontend-app-is-healthy
            tolerance: true
            provider:
              type: python
              module: chaosk8s.probes
              func: microservice_available_and_healthy
              arguments: {name: frontend-app, ns: default}
          - type: probe
            name: frontend-answers-200
            tolerance: 200
            provider: {type: http, url: "${frontend_url}", timeout: [2, 5]}
      method:
        - type: action
          name: terminate-database-leader
          provider:
            type: python
            module: chaosk8s.pod.actions
            func: terminate_pods
            arguments: {label_selector: spilo-role=master, name_pattern: "frontend-db-[0-9]$", ns: default}
          pauses: {after: 1}
      extensions:
        - name: chaosfn
          id: frontend-db-failover
          triggers:
            deploy:
              match: {namespace: default, workload: frontend-app}
              wait_for_rollout_seconds: 20
          target: {cluster: sandbox, namespace: default}
          guardrails: {allowed_namespaces: [default], max_pods_per_action: 1}
          notify: {slack_channel: "#chaos"}
      """;

  private ExperimentDocument() {}
}
