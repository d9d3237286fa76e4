package nym.ethereum;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The development chain's accounts: BIP-44 keys m/44'/60'/0'/0/i of one public mnemonic, the one anvil uses by
 * default. Public knowledge, for local chains only.
 */
public final class DevelopmentKeys {

    /** The development mnemonic (anvil's default; {@code make localnet} passes it to anvil explicitly). */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";

    private static final int HARDENED = 0x80000000;

    private DevelopmentKeys() {}

    /** Account {@code index} of {@code mnemonic} (m/44'/60'/0'/0/index, no passphrase). */
    public static Credentials account(String mnemonic, int index) {
        if (!MnemonicUtils.validateMnemonic(mnemonic)) {
            throw new IllegalArgumentException("not a BIP-39 mnemonic (wrong words or checksum)");
        }
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }

    /** Account {@code index} of the development mnemonic. */
    public static Credentials account(int index) {
        return account(MNEMONIC, index);
    }
}
