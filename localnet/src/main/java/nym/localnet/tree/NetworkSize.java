package nym.localnet.tree;

/**
 * The sizes of a network tree. One threshold serves issuance, watcher votes and verifier votes (DESIGN section 3:
 * 3 authorities, t = 2), and also the number of authority signatures an epoch document needs. The bandwidth a gateway
 * grants per NYM of a spent credential is a network parameter too (in the ledger genesis), and so is whether the chain
 * has stake (issue 21: node operators' funded accounts bond the nodes, the authorities' monitors report scores).
 */
record NetworkSize(
        int authorities,
        int threshold,
        int validators,
        int providers,
        int gateways,
        int clients,
        long clientGenesisBalance,
        long epochSeconds,
        long bandwidthBytesPerNym,
        int operators,
        long operatorGenesisBalance,
        boolean stake) {

    static final int MAX_AUTHORITIES = 64;

    NetworkSize {
        if (authorities < 1 || authorities > MAX_AUTHORITIES) {
            throw new IllegalArgumentException("authorities must be 1.." + MAX_AUTHORITIES + ", not " + authorities);
        }
        if (threshold < 1 || threshold > authorities) {
            throw new IllegalArgumentException(
                    "threshold must be 1..authorities (" + authorities + "), not " + threshold);
        }
        if (validators < 1 || validators > MAX_AUTHORITIES) {
            throw new IllegalArgumentException("validators must be 1.." + MAX_AUTHORITIES + ", not " + validators);
        }
        if (providers < 1 || gateways < 1 || clients < 1) {
            throw new IllegalArgumentException("at least one provider, one gateway and one client");
        }
        if (clientGenesisBalance < 0) {
            throw new IllegalArgumentException("client genesis balance must not be negative");
        }
        if (epochSeconds < 1) {
            throw new IllegalArgumentException("epoch seconds must be positive, not " + epochSeconds);
        }
        if (bandwidthBytesPerNym < 1) {
            throw new IllegalArgumentException("bandwidth bytes per NYM must be positive, not " + bandwidthBytesPerNym);
        }
        if (operators < 0) {
            throw new IllegalArgumentException("operators must not be negative, not " + operators);
        }
        if (operatorGenesisBalance < 0) {
            throw new IllegalArgumentException("operator genesis balance must not be negative");
        }
    }

    String toToml(String chainId, String seedDescription) {
        return "# The sizes this tree was built with (`localnet.jar build`); tools read it, nothing else needs it.\n"
                + "chain_id = \"" + chainId + "\"\n"
                + "# development seed, or \"random\" when the keys came from the operating system\n"
                + "seed = \"" + seedDescription + "\"\n"
                + "authorities = " + authorities + "\n"
                + "# one threshold for issuance, watcher votes, verifier votes and epoch document signatures\n"
                + "threshold = " + threshold + "\n"
                + "# CometBFT validators of the ledger (authority i talks to validator i first)\n"
                + "validators = " + validators + "\n"
                + "providers = " + providers + "\n"
                + "# gateways' ledger accounts (gateways/gateway-<g>/gateway.key); the genesis registers them as providers\n"
                + "gateways = " + gateways + "\n"
                + "clients = " + clients + "\n"
                + "# NYM credited to each client's ledger account at genesis (0: only through Ethereum deposits)\n"
                + "client_genesis_balance = " + clientGenesisBalance + "\n"
                + "# length of a topology epoch (also in directory/authorities.properties, which the authorities read)\n"
                + "epoch_seconds = " + epochSeconds + "\n"
                + "# bytes of mixnet bandwidth a gateway grants per NYM of a spent credential (also in the genesis)\n"
                + "bandwidth_bytes_per_nym = " + bandwidthBytesPerNym + "\n"
                + "# node operators' ledger accounts (operators/operator-<k>/operator.key), funded at genesis to bond nodes\n"
                + "operators = " + operators + "\n"
                + "operator_genesis_balance = " + operatorGenesisBalance + "\n"
                + "# whether the genesis has stake parameters (bonding, monitors' scores, rewards; app_state.stake)\n"
                + "stake = " + stake + "\n";
    }
}
