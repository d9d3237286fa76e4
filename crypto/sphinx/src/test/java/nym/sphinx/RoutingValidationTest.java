package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/**
 * Routing information that passes the MAC but is not acceptable (only a sender with the right keys can make these):
 * crafted here by hand, one hop.
 */
class RoutingValidationTest {

    private final SecureRandom random = TestNetwork.seeded(95);
    private final NodeKeyPair node = NodeKeyPair.generate(random);
    private final SphinxProcessor processor = new SphinxProcessor(SphinxParams.DEFAULT, node);

    private byte[] craft(byte version, byte flags, long delay) {
        return craft(version, flags, delay, false);
    }

    /** A one-hop packet; {@code format1Keys}: hop keys derived as format 1 did, from s alone. */
    private byte[] craft(byte version, byte flags, long delay, boolean format1Keys) {
        HopCrypto crypto = new HopCrypto();
        byte[] packet = new byte[SphinxParams.DEFAULT.packetSize()];
        byte[] x = new byte[32];
        random.nextBytes(x);
        X25519.scalarMultBase(x, 0, packet, SphinxSizes.ALPHA_OFFSET);
        byte[] s = new byte[32];
        X25519.scalarMult(x, 0, node.publicKey().toBytes(), 0, s, 0);
        byte[] keys = new byte[HopCrypto.KEYS];
        if (format1Keys) {
            crypto.deriveV1Keys(s, keys);
        } else {
            crypto.deriveKeys(s, packet, SphinxSizes.ALPHA_OFFSET, keys);
        }
        byte[] beta = new byte[SphinxSizes.BETA];
        beta[SphinxSizes.RI_VERSION] = version;
        beta[SphinxSizes.RI_FLAGS] = flags;
        SphinxProcessor.writeLong(beta, SphinxSizes.RI_DELAY, delay);
        crypto.betaStream(keys, beta, 0, SphinxSizes.BETA);
        System.arraycopy(beta, 0, packet, SphinxSizes.BETA_OFFSET, SphinxSizes.BETA);
        crypto.gamma(keys, beta, 0, packet, SphinxSizes.GAMMA_OFFSET);
        return packet;
    }

    private SphinxException.Kind kindOf(byte[] packet) {
        return assertThrows(SphinxException.class, () -> processor.process(packet))
                .kind();
    }

    @Test
    void process_unknownVersionUnderValidMac_throwsUnsupportedVersion() {
        for (byte version : new byte[] {0, 1, 3}) {
            assertEquals(SphinxException.Kind.UNSUPPORTED_VERSION, kindOf(craft(version, (byte) 0, 0)));
        }
    }

    @Test
    void process_packetOfFormat1KeySchedule_throwsUnsupportedVersion() {
        // as format 1 built it: keys from the shared secret alone, version 1, final flag
        SphinxException e = assertThrows(
                SphinxException.class, () -> processor.process(craft((byte) 1, SphinxSizes.FLAG_FINAL, 0, true)));
        assertEquals(SphinxException.Kind.UNSUPPORTED_VERSION, e.kind());
        assertTrue(e.getMessage().contains("format 1"), e.getMessage());
    }

    @Test
    void process_unknownFlagsUnderValidMac_throwsInvalidRouting() {
        // 3 was format 1's FINAL|REPLY: the reply flag no longer exists
        for (byte flags : new byte[] {2, 3, 4, 5, (byte) 0x81}) {
            assertEquals(SphinxException.Kind.INVALID_ROUTING, kindOf(craft(SphinxSizes.CURRENT_VERSION, flags, 0)));
        }
    }

    @Test
    void process_negativeDelayUnderValidMac_throwsInvalidRouting() {
        assertEquals(SphinxException.Kind.INVALID_ROUTING, kindOf(craft(SphinxSizes.CURRENT_VERSION, (byte) 0, -1L)));
    }

    @Test
    void process_finalFlagWithZeroPayload_deliveredUncheckedAndRefusedByRecipient() throws Exception {
        // the crafted payload was never Lioness-encrypted: decryption yields noise, which the final hop hands over
        ProcessResult.Final f = assertInstanceOf(
                ProcessResult.Final.class,
                processor.process(craft(SphinxSizes.CURRENT_VERSION, SphinxSizes.FLAG_FINAL, 0)));
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                assertThrows(SphinxException.class, () -> Payloads.openFinal(SphinxParams.DEFAULT, f.body()))
                        .kind());
    }

    @Test
    void process_craftedForwardHop_forwardsWithBlindedAlpha() throws Exception {
        byte[] packet = craft(SphinxSizes.CURRENT_VERSION, (byte) 0, 5);
        ProcessResult.Forward f = assertInstanceOf(ProcessResult.Forward.class, processor.process(packet));
        assertEquals(5, f.delayNanos());
        assertFalse(java.util.Arrays.equals(
                java.util.Arrays.copyOf(packet, SphinxSizes.ALPHA),
                java.util.Arrays.copyOf(f.packet(), SphinxSizes.ALPHA)));
    }
}
