package nym.gateway.api;

import java.util.Arrays;

/**
 * One packet the mixnet delivered to a client's inbox: what the gateway, as the Sphinx final hop, got
 * ({@code nym.sphinx.ProcessResult.Final}), stored and passed on opaque. Layout inside {@link Deliver} and in the
 * inbox file: {@code identifier[16] | length u32 | body[length]}, where {@code length} is the network's Sphinx payload size
 * (the same for every message). No flags: the identifier is a SURB id for a reply and random bytes otherwise, and the
 * body is ciphertext either way, so neither the gateway nor its store can tell replies, loops and messages apart;
 * the client does, by the identifier, then by opening the body.
 *
 * @param identifier 16 bytes
 * @param body the Sphinx payload with the final hop's layer removed, unchecked
 */
public record Delivered(byte[] identifier, byte[] body) {

    public static final int IDENTIFIER_BYTES = 16;

    public Delivered {
        identifier = GatewayMessage.exact(identifier, IDENTIFIER_BYTES, "identifier");
        if (body == null) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "body is missing");
        }
    }

    @Override
    public byte[] identifier() {
        return identifier.clone();
    }

    /** Bytes this message takes on the wire. */
    public int encodedLength() {
        return IDENTIFIER_BYTES + 4 + body.length;
    }

    void write(WireWriter out) {
        out.bytes(identifier).lengthPrefixed(body);
    }

    /** The stored form is the wire form (without the type byte), so an inbox file is one {@code Delivered}. */
    public byte[] toBytes() {
        WireWriter out = new WireWriter(0, encodedLength());
        write(out);
        byte[] all = out.toBytes();
        return Arrays.copyOfRange(all, 1, all.length);
    }

    /** Parses the form of {@link #toBytes()}. */
    public static Delivered fromBytes(byte[] bytes) {
        WireReader in = new WireReader(bytes);
        Delivered d = read(in);
        in.end("Delivered");
        return d;
    }

    static Delivered read(WireReader in) {
        return new Delivered(in.bytes(IDENTIFIER_BYTES, "identifier"), in.lengthPrefixed("body"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Delivered d && Arrays.equals(d.identifier, identifier) && Arrays.equals(d.body, body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Delivered[" + body.length + " bytes]";
    }
}
