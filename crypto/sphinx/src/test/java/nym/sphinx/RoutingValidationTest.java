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
        HopCrypto crypto = new HopCrypto();
        byte[] packet = new byte[SphinxParams.DEFAULT.packetSize()];
        byte[] x = new byte[32];
        random.nextBytes(x);
        X25519.scalarMultBase(x, 0, packet, SphinxSizes.ALPHA_OFFSET);
        byte[] s = new byte[32];
        X25519.scalarMult(x, 0, node.publicKey().toBytes(), 0, s, 0);
        byte[] keys = new byte[HopCrypto.KEYS];
        crypto.deriveKeys(s, keys);
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
        assertEquals(SphinxException.Kind.UNSUPPORTED_VERSION, kindOf(craft((byte) 2, (byte) 0, 0)));
        assertEquals(SphinxException.Kind.UNSUPPORTED_VERSION, kindOf(craft((byte) 0, (byte) 0, 0)));
    }

    @Test
    void process_unknownFlagsUnderValidMac_throwsInvalidRouting() {
        for (byte flags : new byte[] {2, 4, 5, (byte) 0x81}) {
            assertEquals(SphinxException.Kind.INVALID_ROUTING, kindOf(craft(SphinxSizes.CURRENT_VERSION, flags, 0)));
        }
    }

    @Test
    void process_negativeDelayUnderValidMac_throwsInvalidRouting() {
        assertEquals(SphinxException.Kind.INVALID_ROUTING, kindOf(craft(SphinxSizes.CURRENT_VERSION, (byte) 0, -1L)));
    }

    @Test
    void process_finalFlagWithZeroPayload_throwsPayloadCorrupted() {
        // the crafted payload was never Lioness-encrypted: decryption yields noise, the zero prefix check fails
        assertEquals(
                SphinxException.Kind.PAYLOAD_CORRUPTED,
                kindOf(craft(SphinxSizes.CURRENT_VERSION, SphinxSizes.FLAG_FINAL, 0)));
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
