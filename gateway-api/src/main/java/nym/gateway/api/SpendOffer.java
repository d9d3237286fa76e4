package nym.gateway.api;

/**
 * Gateway to client, type 0x0c: the answer to {@link RequestSpend}. Layout: {@code nonce[32] | binding[20] |
 * bytesPerNym i64}. The client proves its credential for {@code binding} (the gateway's 20-byte ledger address, the
 * account that redeems it; credential-api README, "The provider binding") and {@code nonce} (fresh, good for one
 * {@link SpendCredential} on this session only), so a showing made here cannot be spent at another gateway or again
 * here.
 *
 * @param nonce fresh random bytes, single use
 * @param binding the gateway's ledger address
 * @param bytesPerNym bandwidth granted per NYM of credential value (the ledger's network parameter)
 */
public record SpendOffer(byte[] nonce, byte[] binding, long bytesPerNym) implements GatewayMessage {

    /** Ledger addresses are 20 bytes (secp256k1, Ethereum style). */
    public static final int BINDING_BYTES = 20;

    public SpendOffer {
        nonce = GatewayMessage.exact(nonce, KEY_BYTES, "nonce");
        binding = GatewayMessage.exact(binding, BINDING_BYTES, "binding");
        if (bytesPerNym <= 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "bytesPerNym must be positive");
        }
    }

    /** Bytes a SpendOffer takes in a cell. */
    public static int encodedLength() {
        return 1 + KEY_BYTES + BINDING_BYTES + 8;
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] binding() {
        return binding.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_SPEND_OFFER, encodedLength())
                .bytes(nonce)
                .bytes(binding)
                .i64(bytesPerNym)
                .toBytes();
    }

    static SpendOffer read(WireReader in) {
        return new SpendOffer(in.bytes(KEY_BYTES, "nonce"), in.bytes(BINDING_BYTES, "binding"), in.i64("bytesPerNym"));
    }

    @Override
    public String toString() {
        return "SpendOffer[bytesPerNym=" + bytesPerNym + "]";
    }
}
