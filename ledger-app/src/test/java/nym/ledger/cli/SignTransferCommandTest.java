package nym.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

class SignTransferCommandTest {

    @Test
    void signTransfer_devSeed_printsTxSignedBySeedWithGivenNonceAndChain() throws Exception {
        KeyPair to = KeyPair.fromSeed("sign-recipient");
        String printed = run(
                "--chain-id",
                "chain-x",
                "--nonce",
                "7",
                "--from-seed",
                "dev-2",
                "--to",
                Hex.prefixed(to.address()),
                "--amount",
                "33");

        Transaction tx = Transaction.decode(Base64.getDecoder().decode(printed.trim()));
        assertArrayEquals(KeyPair.fromSeed("dev-2").address(), tx.sender());
        assertEquals("chain-x", tx.body().getChainId());
        assertEquals(7, tx.body().getNonce());
        assertArrayEquals(to.address(), tx.body().getTransfer().getTo().toByteArray());
        assertEquals(33, tx.body().getTransfer().getAmount());
    }

    @Test
    void signTransfer_noSender_exitsWithUsageError() {
        assertNotEquals(
                0,
                Main.commandLine()
                        .setErr(new PrintWriter(new StringWriter()))
                        .execute(
                                "sign-transfer",
                                "--chain-id",
                                "c",
                                "--nonce",
                                "0",
                                "--to",
                                "0x" + "11".repeat(20),
                                "--amount",
                                "1"));
    }

    private static String run(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "sign-transfer";
        System.arraycopy(args, 0, full, 1, args.length);
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            assertEquals(0, Main.commandLine().execute(full));
        } finally {
            System.setOut(saved);
        }
        return captured.toString();
    }
}
