package nym.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import nym.ledger.Hex;
import nym.ledger.devnet.Devnet;
import nym.ledger.tx.Secp256k1.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCommandTest {

    @Test
    void transfer_fromDevAccount_committedAndBalanceMoves(@TempDir Path home) throws Exception {
        try (Devnet d = Devnet.start(
                Devnet.defaults(home).with("tcp://127.0.0.1:0", "tcp://127.0.0.1:0", Duration.ofMillis(100)))) {
            String rpc = "http://127.0.0.1:" + d.rpcAddress().getPort() + "/";
            KeyPair to = KeyPair.fromSeed("cli-recipient");
            for (int i = 0; i < 2; i++) { // the second transfer reads the advanced nonce
                assertEquals(
                        0,
                        Main.commandLine()
                                .execute(
                                        "transfer",
                                        "--rpc",
                                        rpc,
                                        "--from-seed",
                                        "dev-3",
                                        "--to",
                                        Hex.prefixed(to.address()),
                                        "--amount",
                                        "21"));
            }
            var balance = new Main.RpcCall(java.net.URI.create(rpc)).query("/balance", Hex.lower(to.address()));
            assertEquals("42", balance.get("balance").asText());
            // a transfer beyond the balance is refused with a non-zero exit
            assertEquals(
                    1,
                    Main.commandLine()
                            .execute(
                                    "transfer",
                                    "--rpc",
                                    rpc,
                                    "--from-seed",
                                    "cli-recipient",
                                    "--to",
                                    Hex.prefixed(to.address()),
                                    "--amount",
                                    "1000"));
        }
    }
}
