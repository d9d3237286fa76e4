package nym.directory.domain.node;

/** What the replay and ban checks need to know of a registered node. */
public record NodeState(NodeKind kind, boolean banned, long lastPresenceTimestamp, long lastMetricsTimestamp) {}
