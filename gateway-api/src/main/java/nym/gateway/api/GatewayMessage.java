package nym.gateway.api;

/**
 * One message of the gateway client protocol (version {@value #VERSION}): {@code type u8 | body}. Messages travel
 * packed into fixed-size {@link Cells} on a Noise link, never alone; the byte layout of every type is in the module
 * README and in each record's Javadoc.
 *
 * <p>Client to gateway: {@link Register}, {@link ChallengeResponse}, {@link Authenticate}, {@link Send}, {@link Ack},
 * {@link RequestSpend}, {@link SpendCredential}. Gateway to client: {@link Challenge}, {@link Registered},
 * {@link Authenticated}, {@link Deliver}, {@link ErrorMessage}, {@link SpendOffer}, {@link Bandwidth}.
 */
public sealed interface GatewayMessage
        permits Register,
                Challenge,
                ChallengeResponse,
                Registered,
                Authenticate,
                Authenticated,
                Send,
                Deliver,
                Ack,
                ErrorMessage,
                RequestSpend,
                SpendOffer,
                SpendCredential,
                Bandwidth {

    /**
     * Version 3: bandwidth paid with credentials ({@link RequestSpend}, {@link SpendOffer}, {@link SpendCredential},
     * {@link Bandwidth}, the balance in {@link Authenticated}). Version 2 (free gateways) and 1 are gone.
     */
    int VERSION = 3;

    /** Ed25519 keys, client identifiers, challenges and Noise handshake hashes are all 32 bytes; signatures 64. */
    int KEY_BYTES = 32;

    int SIGNATURE_BYTES = 64;

    /** Type 0 is not a message: it starts a cell's zero padding. */
    int TYPE_PADDING = 0x00;

    int TYPE_REGISTER = 0x01;
    int TYPE_CHALLENGE = 0x02;
    int TYPE_CHALLENGE_RESPONSE = 0x03;
    int TYPE_REGISTERED = 0x04;
    int TYPE_AUTHENTICATE = 0x05;
    int TYPE_AUTHENTICATED = 0x06;
    int TYPE_SEND = 0x07;
    int TYPE_DELIVER = 0x08;
    int TYPE_ACK = 0x09;
    int TYPE_ERROR = 0x0a;
    int TYPE_REQUEST_SPEND = 0x0b;
    int TYPE_SPEND_OFFER = 0x0c;
    int TYPE_SPEND_CREDENTIAL = 0x0d;
    int TYPE_BANDWIDTH = 0x0e;

    /** The message's bytes, type first. */
    byte[] encode();

    /**
     * Parses exactly one message ({@code type u8 | body}, nothing after it).
     *
     * @throws GatewayProtocolException for anything but one well-formed message of a known type
     */
    static GatewayMessage decode(byte[] bytes) {
        WireReader in = new WireReader(bytes);
        GatewayMessage message = read(in);
        in.end(message.getClass().getSimpleName());
        return message;
    }

    /** Reads the next message of a cell or of {@link #decode}. */
    static GatewayMessage read(WireReader in) {
        int type = in.u8("type");
        return switch (type) {
            case TYPE_REGISTER -> Register.read(in);
            case TYPE_CHALLENGE -> Challenge.read(in);
            case TYPE_CHALLENGE_RESPONSE -> ChallengeResponse.read(in);
            case TYPE_REGISTERED -> Registered.read(in);
            case TYPE_AUTHENTICATE -> Authenticate.read(in);
            case TYPE_AUTHENTICATED -> Authenticated.read(in);
            case TYPE_SEND -> Send.read(in);
            case TYPE_DELIVER -> Deliver.read(in);
            case TYPE_ACK -> Ack.read(in);
            case TYPE_ERROR -> ErrorMessage.read(in);
            case TYPE_REQUEST_SPEND -> RequestSpend.read(in);
            case TYPE_SPEND_OFFER -> SpendOffer.read(in);
            case TYPE_SPEND_CREDENTIAL -> SpendCredential.read(in);
            case TYPE_BANDWIDTH -> Bandwidth.read(in);
            default ->
                throw new GatewayProtocolException(
                        GatewayProtocolException.Kind.UNKNOWN_TYPE, "unknown message type " + type);
        };
    }

    /** {@code bytes} if it has exactly {@code length} bytes (copied), else INVALID_FIELD naming {@code field}. */
    static byte[] exact(byte[] bytes, int length, String field) {
        if (bytes == null || bytes.length != length) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, field + " must be " + length + " bytes");
        }
        return bytes.clone();
    }
}
