package nym.ledger.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

    @Test
    void keccak256_emptyInput_matchesEthereumConstant() {
        assertEquals(
                "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Hex.lower(Secp256k1.keccak256(new byte[0])));
    }

    @Test
    void address_knownPrivateKey_matchesEthereumAddress() {
        // the account used in the web3.js documentation
        Secp256k1.KeyPair k =
                Secp256k1.KeyPair.of(Hex.parse("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        assertEquals("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23", Hex.prefixed(k.address()));
    }

    @Test
    void signThenRecover_givesSignerAddress() {
        Secp256k1.KeyPair k = Secp256k1.KeyPair.fromSeed("someone");
        for (int i = 0; i < 20; i++) {
            byte[] h = Secp256k1.keccak256(("msg" + i).getBytes(StandardCharsets.UTF_8));
            byte[] sig = Secp256k1.sign(h, k);
            assertArrayEquals(k.address(), Secp256k1.recoverAddress(h, sig));
        }
    }

    @Test
    void recoverAddress_ethereumV27or28_refusedAsSecondEncoding() {
        Secp256k1.KeyPair k = Secp256k1.KeyPair.fromSeed("someone");
        byte[] h = Secp256k1.keccak256("msg".getBytes(StandardCharsets.UTF_8));
        byte[] v27 = Secp256k1.sign(h, k);
        v27[64] += 27;
        LedgerException e = assertThrows(LedgerException.class, () -> Secp256k1.recoverAddress(h, v27));
        assertEquals(LedgerException.Kind.BAD_SIGNATURE, e.kind());
    }
}
