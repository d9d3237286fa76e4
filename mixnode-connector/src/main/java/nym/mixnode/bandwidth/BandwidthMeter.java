package nym.mixnode.bandwidth;

import nym.gateway.api.Authenticated;

/**
 * What the gateway's packet paths ask of a client's bandwidth: every packet a client sends and every packet stored
 * for it costs one Sphinx packet size. Called from event loops and the storage executor; cheap and thread-safe.
 */
public interface BandwidthMeter {

    /** Charges one packet to {@code clientId}; false (nothing charged) when its balance is short. */
    boolean chargePacket(byte[] clientId);

    /** Gives back a packet charged for nothing (the gateway dropped it after the charge). */
    void refundPacket(byte[] clientId);

    /** Bytes left, or {@link Authenticated#UNMETERED}. */
    long balance(byte[] clientId);

    /** The meter of a gateway that takes no credentials: everything is free. */
    BandwidthMeter UNMETERED = new BandwidthMeter() {
        @Override
        public boolean chargePacket(byte[] clientId) {
            return true;
        }

        @Override
        public void refundPacket(byte[] clientId) {}

        @Override
        public long balance(byte[] clientId) {
            return Authenticated.UNMETERED;
        }
    };
}
