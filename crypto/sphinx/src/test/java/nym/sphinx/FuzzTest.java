package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Truncated, oversized, random and mutated inputs are refused with {@link SphinxException} and nothing else. Every
 * check counts how many inputs it tried so a silent skip cannot pass.
 */
class FuzzTest {

    @FunctionalInterface
    interface Parser {
        void parse(byte[] input) throws SphinxException;
    }

    private static int rejected(Parser parser, byte[] input) {
        try {
            parser.parse(input);
            return 0;
        } catch (SphinxException expected) {
            return 1;
        } catch (RuntimeException | Error other) {
            throw new AssertionError("input of " + input.length + " bytes threw " + other, other);
        }
    }

    @Test
    void process_truncatedOversizedAndRandomInputs_onlySphinxException() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 60);
        List<RouteHop> route = net.route(3);
        SphinxProcessor node = net.processorFor(route.get(0).address());
        byte[] valid = net.builder
                .build(route, Destination.of(TestNetwork.address(9)), new byte[] {1})
                .bytes();
        int size = valid.length;
        int tried = 0;
        int refused = 0;

        // every truncation and a range of extensions of a valid packet
        for (int len = 0; len < size; len++) {
            refused += rejected(node::process, java.util.Arrays.copyOf(valid, len));
            tried++;
        }
        for (int extra = 1; extra <= 600; extra++) {
            refused += rejected(node::process, java.util.Arrays.copyOf(valid, size + extra));
            tried++;
        }
        // random bytes of random and of exact length
        for (int i = 0; i < 4000; i++) {
            byte[] r = new byte[i % 2 == 0 ? size : net.random.nextInt(3 * size)];
            net.random.nextBytes(r);
            refused += rejected(node::process, r);
            tried++;
        }
        // valid packets with random bytes of the header changed
        for (int i = 0; i < 4000; i++) {
            byte[] p = valid.clone();
            int changes = 1 + net.random.nextInt(8);
            for (int c = 0; c < changes; c++) {
                int pos = net.random.nextInt(SphinxSizes.HEADER);
                p[pos] = (byte) (p[pos] ^ (1 + net.random.nextInt(255)));
            }
            refused += rejected(node::process, p);
            tried++;
        }
        assertEquals(tried, refused, "every fuzzed input is refused");
        assertTrue(tried > 10_000);
    }

    @Test
    void recipient_randomlyChangedFinalBodies_onlySphinxException() throws Exception {
        TestNetwork net = new TestNetwork(new SphinxParams(128), 1, 61);
        SphinxProcessor node = net.processorFor(net.nodes.get(0).address());
        byte[] valid = net.builder
                .build(net.route(1), Destination.of(TestNetwork.address(9)), new byte[] {1})
                .bytes();
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] p = valid.clone();
            int pos = SphinxSizes.PAYLOAD_OFFSET + net.random.nextInt(128);
            p[pos] = (byte) (p[pos] ^ (1 + net.random.nextInt(255)));
            ProcessResult.Final f = (ProcessResult.Final) node.process(p); // the final hop checks nothing
            refused += rejected(body -> Payloads.openFinal(net.params, body), f.body());
        }
        assertEquals(2000, refused);
    }

    @Test
    void surbParsingAndOpening_randomInputs_onlySphinxException() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 2, 62);
        SurbPair pair = net.builder.createSurb(net.route(2), TestNetwork.address(1));
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] r = new byte[net.random.nextInt(2 * SphinxSizes.SURB)];
            net.random.nextBytes(r);
            if (r.length != SphinxSizes.SURB) {
                refused += rejected(b -> Surb.fromBytes(SphinxParams.DEFAULT, b), r);
            } else {
                refused++;
            }
            byte[] payload = new byte[i % 2 == 0 ? SphinxParams.DEFAULT.payloadSize() : net.random.nextInt(4096)];
            net.random.nextBytes(payload);
            refused += rejected(pair.secret()::open, payload);
        }
        assertEquals(4000, refused);
    }

    @Test
    void sealedPayloadOpen_randomAndChangedInputs_onlySphinxException() throws Exception {
        SphinxParams params = new SphinxParams(128);
        java.security.SecureRandom random = TestNetwork.seeded(64);
        EncryptionKeyPair recipient = EncryptionKeyPair.generate(random);
        byte[] valid = SealedPayload.seal(params, recipient.publicKey(), new byte[] {1, 2}, random);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] input;
            if (i % 3 == 0) {
                input = new byte[random.nextInt(256)];
                random.nextBytes(input);
            } else {
                input = valid.clone();
                int pos = random.nextInt(input.length);
                input[pos] = (byte) (input[pos] ^ (1 + random.nextInt(255)));
            }
            refused += rejected(b -> SealedPayload.open(params, recipient, b), input);
        }
        assertEquals(3000, refused);
    }

    @Test
    void unpad_randomBodies_returnOrSphinxExceptionOnly() {
        java.util.Random r = new java.util.Random(63);
        for (int i = 0; i < 5000; i++) {
            byte[] body = new byte[r.nextInt(64)];
            for (int j = 0; j < body.length; j++) {
                body[j] = (byte) (r.nextInt(4) == 0 ? r.nextInt(3) : 0); // mostly 0, 1, 2 to hit the edge cases
            }
            rejected(Payloads::unpad, body);
        }
    }
}
