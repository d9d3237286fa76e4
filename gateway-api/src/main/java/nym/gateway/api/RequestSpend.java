package nym.gateway.api;

/**
 * Client to gateway, type 0x0b: the client wants to pay for bandwidth with a credential (no body). Needs an
 * authenticated session; a metered gateway answers {@link SpendOffer} with a fresh nonce, an unmetered one
 * {@link ErrorMessage.Code#UNEXPECTED_MESSAGE}.
 */
public record RequestSpend() implements GatewayMessage {

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_REQUEST_SPEND, 0).toBytes();
    }

    static RequestSpend read(WireReader in) {
        return new RequestSpend();
    }
}
