package nym.sphinx;

/**
 * Every size of the packet format, derived from a few primitives. A packet is
 *
 * <pre>
 *   header = α (ALPHA) | β (BETA) | γ (GAMMA)        always HEADER bytes, whatever the route (1..MAX_HOPS hops)
 *   packet = header | δ (payload, SphinxParams.payloadSize())
 * </pre>
 *
 * β holds {@link #MAX_HOPS} hop blocks of {@link #HOP_BLOCK} bytes: the routing information of the hop ({@link
 * #ROUTING_INFO} bytes) followed by the γ of the next hop. Unused blocks are random padding and filler.
 */
public final class SphinxSizes {

    /** κ, the security parameter in bytes: MAC length and the zero prefix that protects the payload. */
    public static final int SECURITY_PARAMETER = 16;
    /** Size of an X25519 public key or shared secret. */
    public static final int X25519_KEY = 32;
    /** α: the blinded X25519 group element of the hop. */
    public static final int ALPHA = X25519_KEY;
    /** γ: HMAC-SHA256 over β, truncated to κ. */
    public static final int GAMMA = SECURITY_PARAMETER;
    /** A node or destination address (node addresses are derived from the node's public key). */
    public static final int ADDRESS = 32;
    /** Delay in nanoseconds, signed big-endian long, never negative. */
    public static final int DELAY = Long.BYTES;
    /**
     * Identifier carried to the final hop: the SURB id of a reply, random bytes for every other packet (so the final
     * hop cannot tell replies apart).
     */
    public static final int IDENTIFIER = 16;
    /** Routing information version byte. */
    public static final int VERSION = 1;
    /** Routing information flags byte. */
    public static final int FLAGS = 1;
    /** Routing information of one hop: version | flags | address | delay | identifier. */
    public static final int ROUTING_INFO = VERSION + FLAGS + ADDRESS + DELAY + IDENTIFIER;
    /** One hop's share of β: its routing information and the γ of the next hop. */
    public static final int HOP_BLOCK = ROUTING_INFO + GAMMA;
    /** Longest route. Every packet is sized for it. */
    public static final int MAX_HOPS = 5;
    /** β: encrypted routing information of all hops, padded with random bytes and the filler. */
    public static final int BETA = MAX_HOPS * HOP_BLOCK;
    /** Header: α | β | γ. */
    public static final int HEADER = ALPHA + BETA + GAMMA;
    /** Key stream each hop applies to β extended by one zeroed hop block. */
    public static final int BETA_STREAM = BETA + HOP_BLOCK;
    /**
     * The first bytes of the innermost payload of {@link PacketBuilder#build} and SURB replies; checked to be zero by
     * the recipient ({@link Payloads#openFinal}, {@link SurbSecret#open}).
     */
    public static final int PAYLOAD_ZERO_PREFIX = SECURITY_PARAMETER;
    /** Lioness key: four 32-byte round keys. */
    public static final int LIONESS_KEY = 4 * 32;
    /** Replay tag derived from the hop's shared secret. */
    public static final int REPLAY_TAG = 16;
    /** Default payload size of the network. */
    public static final int DEFAULT_PAYLOAD = 2048;
    /** A SURB on the wire: first hop address | header | payload key. */
    public static final int SURB = ADDRESS + HEADER + LIONESS_KEY;

    /* offsets inside the packet */
    public static final int ALPHA_OFFSET = 0;
    public static final int BETA_OFFSET = ALPHA_OFFSET + ALPHA;
    public static final int GAMMA_OFFSET = BETA_OFFSET + BETA;
    public static final int PAYLOAD_OFFSET = GAMMA_OFFSET + GAMMA;

    /* offsets inside the routing information */
    static final int RI_VERSION = 0;
    static final int RI_FLAGS = RI_VERSION + VERSION;
    static final int RI_ADDRESS = RI_FLAGS + FLAGS;
    static final int RI_DELAY = RI_ADDRESS + ADDRESS;
    static final int RI_IDENTIFIER = RI_DELAY + DELAY;

    /**
     * The packet format version in the routing information. 2: hop keys derived from α and the shared secret, and no
     * reply flag (version 1 packets are refused, see {@link SphinxException.Kind#UNSUPPORTED_VERSION}).
     */
    public static final byte CURRENT_VERSION = 2;
    /** Flag: this hop is the last one; the address is the destination. The only flag. */
    public static final byte FLAG_FINAL = 0x01;

    private SphinxSizes() {}
}
