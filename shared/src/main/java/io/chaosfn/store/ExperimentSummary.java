package io.chaosfn.store;

import java.time.Instant;

/**
 * What is known of one experiment across its runs.
 *
 * @param lastOutcome the outcome of its latest run, or null when it never ran
 * @param lastRunId the latest run's id, or null
 * @param lastRunAt when the latest run started, or null
 */
public record ExperimentSummary(String experimentId, String title, Outcome lastOutcome, String lastRunId,
    Instant lastRunAt) {}
