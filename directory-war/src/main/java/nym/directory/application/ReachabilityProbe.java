package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.directory.api.Keys;
import nym.directory.domain.node.Node;
import nym.link.LinkKeys;
import nym.link.LinkProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a node answers on its mix address (a mix node's host, a gateway's mixnet listener) with the identity key it
 * registered: a Noise XK handshake up to message 2 against its link key ({@link LinkProbe}), which only a process
 * holding the identity secret can answer. A node that does not answer is not listed in epoch documents, so clients
 * never route through an address that is down or held by someone else.
 *
 * <p>One probe per node and address per epoch: the result is kept until the epoch changes (the documents are built
 * once per epoch, by every instance that builds or checks them).
 */
@ApplicationScoped
public class ReachabilityProbe {

    /** The link kind of mix listeners (mixnode-connector's {@code MixNodeConfig.MIX_LINK_KIND}): the Noise prologue. */
    static final String MIX_LINK_KIND = "mix";

    private static final Logger LOG = Logger.getLogger(ReachabilityProbe.class.getName());
    private static final Pattern HOST_PORT = Pattern.compile("^\\[?([^\\[\\]]+)\\]?:([0-9]{1,5})$");

    /** A probe's outcome for one node at one address, valid in one epoch. */
    private record Outcome(long epoch, String address, boolean answered) {}

    @Inject
    @ConfigProperty(name = "nym.directory.probe.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    @Inject
    AuthorityKeys authorities;

    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /** Blocks for at most about twice the probe timeout on the first call per node and epoch. */
    public boolean answers(Node node) {
        long epoch = authorities.currentEpoch();
        Outcome known = outcomes.get(node.identityKey());
        if (known != null && known.epoch() == epoch && known.address().equals(node.address())) {
            return known.answered();
        }
        LinkProbe.Result result = probe(node);
        if (!result.answered()) {
            LOG.info("node " + node.identityKey() + " not listed in epoch " + epoch + ": it did not answer the probe on"
                    + " its mix address (" + result.reason() + ")");
        }
        outcomes.put(node.identityKey(), new Outcome(epoch, node.address(), result.answered()));
        return result.answered();
    }

    private LinkProbe.Result probe(Node node) {
        Matcher m = HOST_PORT.matcher(node.address());
        if (!m.matches()) {
            return new LinkProbe.Result(false, "address is not host:port");
        }
        byte[] linkKey;
        try {
            linkKey = LinkKeys.x25519PublicKey(Keys.decode(node.identityKey(), Keys.PUBLIC_KEY_BYTES, "identityKey"));
        } catch (IllegalArgumentException e) {
            return new LinkProbe.Result(false, "identity key has no link key: " + e.getMessage());
        }
        InetSocketAddress address = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
        return new LinkProbe(MIX_LINK_KIND, Duration.ofMillis(timeoutMillis)).probe(address, linkKey);
    }
}
