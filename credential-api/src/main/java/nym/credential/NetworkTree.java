package nym.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.setup.Parameters;
import nym.credential.PayloadException.Kind;

/**
 * The Coconut and authority files of the network tree (localnet/README.md, "The network tree") under the network
 * home ({@value #HOME_PROPERTY}): the Coconut parameters and authority i's DKG key pair and its issuer account's and
 * verifier's secp256k1 keys (the issuing key shares come from the DKG on the ledger, never from a file). Files are text,
 * surrounding whitespace ignored.
 */
public record NetworkTree(Path home) {
    /** The MicroProfile Config / system property naming the tree. */
    public static final String HOME_PROPERTY = "nym.network.home";
    /** The property naming which authority this process is (1..n). */
    public static final String AUTHORITY_PROPERTY = "nym.authority.index";

    public NetworkTree {
        Objects.requireNonNull(home);
    }

    public Path parametersFile() {
        return home.resolve("coconut").resolve("parameters");
    }

    public Path authorityDirectory(int authority) {
        if (authority < 1) {
            throw new IllegalArgumentException("authorities are numbered from 1");
        }
        return home.resolve("authorities").resolve("authority-" + authority);
    }

    public Parameters parameters() throws PayloadException {
        String text = read(parametersFile());
        return coconut(parametersFile(), () -> Parameters.fromText(text));
    }

    /** Authority i's verifier secp256k1 private key ({@code verifier.key}), 64 hex digits. */
    public String verifierKeyHex(int authority) throws PayloadException {
        return secp256k1Hex(authorityDirectory(authority).resolve("verifier.key"));
    }

    /**
     * Authority i's issuer ledger account key ({@code issuer-account.key}, secp256k1, 64 hex digits): the account
     * genesis registers as issuer i, which signs its DKG transactions.
     */
    public String issuerAccountKey(int authority) throws PayloadException {
        return secp256k1Hex(authorityDirectory(authority).resolve("issuer-account.key"));
    }

    /** Authority i's DKG encryption key pair ({@code dkg.key}, the secret's text form: 64 hex digits). */
    public DkgKeyPair dkgKeyPair(int authority) throws PayloadException {
        Path file = authorityDirectory(authority).resolve("dkg.key");
        String text = read(file);
        return coconut(file, () -> DkgKeyPair.fromSecretText(text));
    }

    private static String secp256k1Hex(Path file) throws PayloadException {
        String hex = read(file);
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new PayloadException(Kind.MALFORMED, file + " is not 64 hex digits");
        }
        return hex;
    }

    private static String read(Path file) throws PayloadException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new PayloadException(Kind.MISSING_FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private interface CoconutParse<T> {
        T parse() throws CoconutException;
    }

    private static <T> T coconut(Path file, CoconutParse<T> parse) throws PayloadException {
        try {
            return parse.parse();
        } catch (CoconutException e) {
            throw new PayloadException(Kind.INVALID_ELEMENT, file + ": " + e.getMessage(), e);
        }
    }
}
