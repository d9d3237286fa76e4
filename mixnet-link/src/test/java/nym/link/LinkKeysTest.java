package nym.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The link keys checked against implementations that share no code with them: Bouncy Castle's Ed25519 for the
 * identity's public key and the JDK's X25519 for scalar × base point.
 */
class LinkKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void fromEd25519Seed_randomSeeds_publicKeyIsTheMontgomeryFormOfTheIdentity() {
        for (int n = 0; n < 20; n++) {
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            byte[] identity = new byte[32];
            Ed25519.generatePublicKey(seed, 0, identity, 0);
            assertArrayEquals(
                    LinkKeys.x25519PublicKey(identity),
                    LinkKeys.fromEd25519Seed(seed).publicKey());
        }
    }

    @Test
    void fromEd25519Seed_randomSeeds_publicKeyIsTheJdksScalarTimesBasePoint() throws Exception {
        for (int n = 0; n < 20; n++) {
            byte[] seed = new byte[32];
            RANDOM.nextBytes(seed);
            LinkKeys keys = LinkKeys.fromEd25519Seed(seed);
            assertArrayEquals(jdkX25519(keys.privateKey(), basePoint()), keys.publicKey());
        }
    }

    @Test
    void fromEd25519Seed_rfc8032Vector1_matchesTheConvertedPublicKey() {
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] identity = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertArrayEquals(
                LinkKeys.x25519PublicKey(identity),
                LinkKeys.fromEd25519Seed(seed).publicKey());
    }

    @Test
    void x25519PublicKey_neutralPointOrWrongLength_isRefused() {
        byte[] neutral = new byte[32];
        neutral[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> LinkKeys.x25519PublicKey(neutral));
        assertThrows(IllegalArgumentException.class, () -> LinkKeys.x25519PublicKey(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> LinkKeys.fromEd25519Seed(new byte[33]));
    }

    @Test
    void toString_showsNoPrivateKey() {
        byte[] seed = new byte[32];
        LinkKeys keys = LinkKeys.fromEd25519Seed(seed);
        String text = keys.toString();
        assertFalse(text.contains(HexFormat.of().formatHex(keys.privateKey())), text);
    }

    private static PublicKey basePoint() throws Exception {
        return KeyFactory.getInstance("XDH")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
    }

    private static byte[] jdkX25519(byte[] scalar, PublicKey point) throws Exception {
        PrivateKey key =
                KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(key);
        agreement.doPhase(point, true);
        return agreement.generateSecret();
    }
}
