package nym.gateway.api;

/**
 * Gateway to client, type 0x02: the answer to {@link Register}. Layout: {@code challenge[32]}, fresh random bytes for
 * this registration attempt on this link; the client signs it in a {@link ChallengeResponse}.
 *
 * @param challenge 32 random bytes
 */
public record Challenge(byte[] challenge) implements GatewayMessage {

    public Challenge {
        challenge = GatewayMessage.exact(challenge, KEY_BYTES, "challenge");
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_CHALLENGE, KEY_BYTES).bytes(challenge).toBytes();
    }

    static Challenge read(WireReader in) {
        return new Challenge(in.bytes(KEY_BYTES, "challenge"));
    }

    @Override
    public String toString() {
        return "Challenge";
    }
}
