package nym.directory.domain.node;

/**
 * A node of the registry's live view: its latest presence and the Sphinx key it announced for the epoch asked for
 * (null for a validator, or a node that announced none for it).
 */
public record LiveNode(Node node, String sphinxKey) {}
