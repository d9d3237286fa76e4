package nym.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import nym.ledger.Hex;
import nym.ledger.comet.Chains;
import nym.ledger.comet.LocalChain;
import nym.ledger.tx.Secp256k1.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCommandTest {

    @Test
    void transfer_fromDevAccount_committedAndBalanceMoves(@TempDir Path home) throws Exception {
        try (LocalChain chain = Chains.started(home, 1)) {
            String rpc = chain.rpcUri(0).toString();
            KeyPair to = KeyPair.fromSeed("cli-recipient");
            for (int i = 0; i < 2; i++) { // the second transfer reads the advanced nonce
                assertEquals(0, transfer(rpc, "dev-3", to, "21"));
            }
            var balance = chain.rpc(0).query("/balance", Hex.lower(to.address()));
            assertEquals("42", balance.get("balance").asText());
            // a transfer beyond the balance is refused with a non-zero exit
            assertEquals(1, transfer(rpc, "cli-recipient", to, "1000"));
        }
    }

    private static int transfer(String rpc, String fromSeed, KeyPair to, String amount) {
        return Main.commandLine()
                .execute(
                        "transfer",
                        "--rpc",
                        rpc,
                        "--from-seed",
                        fromSeed,
                        "--to",
                        Hex.prefixed(to.address()),
                        "--amount",
                        amount);
    }
}
