package nym.link;

/**
 * Told once per connection why its link failed (the connection is then closed), and about each refused write. Runs on
 * the connection's event loop; count and log, never block.
 */
@FunctionalInterface
public interface LinkFailureListener {

    void linkFailed(LinkException failure);

    LinkFailureListener IGNORE = failure -> {};
}
