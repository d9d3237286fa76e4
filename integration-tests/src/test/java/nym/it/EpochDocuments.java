package nym.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.Json;
import nym.directory.api.Paths;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.TrustedEpochs;

/** Reads of the directory's epoch documents, checked as a client checks them ({@link TrustedEpochs}). */
final class EpochDocuments {

    /** A signed document and what it says, once accepted. */
    record Accepted(SignedEpochDocument signed, EpochDocument document) {}

    private EpochDocuments() {}

    /** {@code path} ({@link Paths#EPOCH_CURRENT}, {@link Paths#EPOCH_NEXT}, {@code /api/epochs/<n>}), if built. */
    static Optional<SignedEpochDocument> get(URI base, String path) throws Exception {
        HttpResponse<String> r = Http.get(base, path);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " at " + base + ": " + r.statusCode() + " " + r.body());
        }
        return Optional.of(Json.read(DirectoryProbe.utf8(r.body()), SignedEpochDocument.class));
    }

    /**
     * Polls {@code current} and {@code next} at {@code base} until a document of an epoch after {@code afterEpoch}
     * lists {@code identityKey} and {@code trusted} accepts it (t valid signatures of its pinned keys, not expired).
     */
    static Accepted awaitListing(URI base, AuthoritySet trusted, String identityKey, long afterEpoch, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing served";
        do {
            for (String path : new String[] {Paths.EPOCH_CURRENT, Paths.EPOCH_NEXT}) {
                Optional<SignedEpochDocument> signed = get(base, path);
                if (signed.isEmpty()) {
                    last = path + ": 404";
                    continue;
                }
                EpochDocument unverified = signed.get().unverified();
                if (unverified.epoch() <= afterEpoch || !lists(unverified, identityKey)) {
                    last = path + ": epoch " + unverified.epoch()
                            + (lists(unverified, identityKey) ? "" : " without the node");
                    continue;
                }
                try {
                    return new Accepted(
                            signed.get(), new TrustedEpochs(trusted).accept(signed.get(), System.currentTimeMillis()));
                } catch (DirectoryException e) {
                    last = path + ": epoch " + unverified.epoch() + " lists the node but " + e.getMessage();
                }
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no trusted document after epoch " + afterEpoch + " listing " + identityKey + " at "
                + base + " within " + timeout + "; last: " + last);
    }

    /** True if a mix node or gateway of {@code d} has this identity key. */
    static boolean lists(EpochDocument d, String identityKey) {
        return d.mixnodes().stream()
                        .flatMap(l -> l.nodes().stream())
                        .anyMatch(m -> m.identityKey().equals(identityKey))
                || d.gateways().stream().anyMatch(g -> g.identityKey().equals(identityKey));
    }

    /** The authority keys that signed {@code signed} (valid or not). */
    static java.util.List<String> signers(SignedEpochDocument signed) {
        return signed.signatures().stream()
                .map(SignedEpochDocument.Signature::authorityKey)
                .toList();
    }
}
