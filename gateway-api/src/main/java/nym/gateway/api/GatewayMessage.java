package nym.gateway.api;

/**
 * One message of the gateway client protocol (version {@value #VERSION}), as plain bytes: {@code version u8 | type u8
 * | body}. On TCP each message travels in a frame of {@code u32 length | message}; the byte layout of every type is in
 * the module README, section "Gateway client protocol", and in each record's Javadoc.
 *
 * <p>Client to gateway: {@link Register}, {@link Authenticate}, {@link Send}, {@link Fetch}. Gateway to client:
 * {@link Registered}, {@link Authenticated}, {@link Messages}, {@link Push}, {@link ErrorMessage}.
 */
public sealed interface GatewayMessage
        permits Register, Registered, Authenticate, Authenticated, Send, Fetch, Messages, Push, ErrorMessage {

    int VERSION = 1;

    /** No message, and so no TCP frame, may be longer: 8 MiB. */
    int MAX_MESSAGE_BYTES = 8 << 20;

    /** Ed25519 keys, client identifiers and tokens are all 32 bytes; signatures 64. */
    int KEY_BYTES = 32;

    int SIGNATURE_BYTES = 64;

    int TYPE_REGISTER = 0x01;
    int TYPE_REGISTERED = 0x02;
    int TYPE_AUTHENTICATE = 0x03;
    int TYPE_AUTHENTICATED = 0x04;
    int TYPE_SEND = 0x05;
    int TYPE_FETCH = 0x06;
    int TYPE_MESSAGES = 0x07;
    int TYPE_PUSH = 0x08;
    int TYPE_ERROR = 0x09;

    /** The message's bytes, version and type first. */
    byte[] encode();

    /**
     * Parses exactly one message.
     *
     * @throws GatewayProtocolException for anything but one well-formed message of a known type and this version
     */
    static GatewayMessage decode(byte[] bytes) {
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TOO_LARGE,
                    "message of " + bytes.length + " bytes exceeds " + MAX_MESSAGE_BYTES);
        }
        WireReader in = new WireReader(bytes);
        int version = in.u8("version");
        if (version != VERSION) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.UNSUPPORTED_VERSION,
                    "version " + version + ", this gateway speaks " + VERSION);
        }
        int type = in.u8("type");
        GatewayMessage message = switch (type) {
            case TYPE_REGISTER -> Register.read(in);
            case TYPE_REGISTERED -> Registered.read(in);
            case TYPE_AUTHENTICATE -> Authenticate.read(in);
            case TYPE_AUTHENTICATED -> Authenticated.read(in);
            case TYPE_SEND -> Send.read(in);
            case TYPE_FETCH -> Fetch.read(in);
            case TYPE_MESSAGES -> Messages.read(in);
            case TYPE_PUSH -> Push.read(in);
            case TYPE_ERROR -> ErrorMessage.read(in);
            default ->
                throw new GatewayProtocolException(
                        GatewayProtocolException.Kind.UNKNOWN_TYPE, "unknown message type " + type);
        };
        in.end(message.getClass().getSimpleName());
        return message;
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
