package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.testing.InlineDelivery;
import nym.sphinx.Destination;
import nym.sphinx.EncryptionKeyPair;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ProcessResult;
import nym.sphinx.RouteHop;
import nym.sphinx.SealedPayload;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway as final hop stores the identifier and the body opaque, never anything in clear. */
class GatewayDeliveryTest {

    @TempDir
    Path tmp;

    private final SecureRandom random = new SecureRandom();
    private final NodeKeyPair gatewaySphinxKey = NodeKeyPair.generate(random);
    private final NodeMetrics metrics = new NodeMetrics();

    private ProcessResult.Final finalHop(byte[] clientId, byte[] plaintext, EncryptionKeyPair recipient)
            throws Exception {
        byte[] sealed = SealedPayload.seal(SphinxParams.DEFAULT, recipient.publicKey(), plaintext, random);
        byte[] packet = new PacketBuilder(SphinxParams.DEFAULT, random)
                .buildSealed(
                        List.of(new RouteHop(gatewaySphinxKey.publicKey(), 0)),
                        Destination.of(NodeAddress.of(clientId)),
                        sealed)
                .bytes();
        return assertInstanceOf(
                ProcessResult.Final.class, new SphinxProcessor(SphinxParams.DEFAULT, gatewaySphinxKey).process(packet));
    }

    @Test
    void deliver_sealedMessage_inboxStoresIdentifierAndBodyWithoutPlaintext() throws Exception {
        byte[] clientId = new byte[32];
        clientId[0] = 7;
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 10, Clock.systemUTC());
        registry.register(clientId);
        InboxStore inboxes = new InboxStore(tmp.resolve("inboxes"), 10);
        GatewayDelivery delivery = InlineDelivery.of(registry, inboxes, metrics);
        EncryptionKeyPair recipient = EncryptionKeyPair.generate(random);
        byte[] plaintext = "meet at the usual place".getBytes(StandardCharsets.US_ASCII);

        ProcessResult.Final packet = finalHop(clientId, plaintext, recipient);
        delivery.deliver(packet);

        assertEquals(1, metrics.snapshot().delivered());
        Inbox.Stored stored = inboxes.of(clientId).nextToSend(0, 0);
        assertArrayEquals(packet.identifier().toBytes(), stored.message().identifier());
        assertArrayEquals(packet.body(), stored.message().body());
        assertEquals(SphinxParams.DEFAULT.payloadSize(), stored.message().body().length);
        assertArrayEquals(
                plaintext,
                SealedPayload.open(
                        SphinxParams.DEFAULT, recipient, stored.message().body()));
        try (Stream<Path> files = Files.walk(tmp.resolve("inboxes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("usual place"), file + " holds the plaintext");
            }
        }
    }

    @Test
    void deliver_unknownClient_droppedAndCounted() throws Exception {
        GatewayDelivery delivery = InlineDelivery.of(
                new ClientRegistry(tmp.resolve("clients"), 10, Clock.systemUTC()),
                new InboxStore(tmp.resolve("inboxes"), 10),
                metrics);
        delivery.deliver(finalHop(new byte[32], new byte[] {1}, EncryptionKeyPair.generate(random)));
        assertEquals(1, metrics.snapshot().dropped(DropReason.UNKNOWN_CLIENT));
        assertEquals(0, metrics.snapshot().delivered());
    }
}
