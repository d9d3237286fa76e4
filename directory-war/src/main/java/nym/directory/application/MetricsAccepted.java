package nym.directory.application;

import nym.directory.domain.metrics.MetricsReport;

/** CDI event, fired inside the transaction that stored {@code report}; observers publish it after commit. */
public record MetricsAccepted(MetricsReport report) {}
