package nym.issuer.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nym.coconut.RandomSource;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.dkg.DkgPublicKey;
import nym.issuer.domain.Holder;

/**
 * A network tree as localnet writes it for {@code n} authorities (Coconut parameters, each authority's
 * {@code dkg.key} and {@code issuer-account.key}), and issuer roles loaded from it.
 */
final class Authorities {
    final Path home;
    final List<DkgKeyPair> dkgKeys = new ArrayList<>();

    Authorities(Path home, int n, long seed) throws Exception {
        this.home = home;
        RandomSource rng = RandomSource.deterministic(seed);
        write("coconut/parameters", Holder.PARAMS.toText());
        for (int i = 1; i <= n; i++) {
            DkgKeyPair key = DkgKeyPair.generate(rng);
            dkgKeys.add(key);
            write("authorities/authority-" + i + "/dkg.key", key.secretText());
            write("authorities/authority-" + i + "/issuer-account.key", "%064x".formatted(1000 + i));
        }
    }

    private void write(String relative, String text) throws Exception {
        Files.createDirectories(home.resolve(relative).getParent());
        Files.writeString(home.resolve(relative), text + "\n");
    }

    /** The DKG keys genesis registers, issuer 1 first. */
    List<DkgPublicKey> registered() {
        return dkgKeys.stream().map(DkgKeyPair::publicKey).toList();
    }

    IssuerRole role(int authority) {
        return role(authority, Optional.of(home.toString()));
    }

    static IssuerRole role(int authority, Optional<String> networkHome) {
        IssuerRole role = new IssuerRole();
        role.authority = authority;
        role.networkHome = networkHome;
        role.load();
        return role;
    }
}
