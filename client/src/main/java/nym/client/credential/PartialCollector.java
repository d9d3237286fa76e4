package nym.client.credential;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.verification.SignatureVerification;

/**
 * Collects t partial credentials from any t of the n issuers (DESIGN.md section 4, step 5): asks each issuer in turn,
 * unblinds σ_i and checks it with {@code verifyShare} against the share the ledger lists for that authority in the
 * key epoch of {@link NetworkKeys}; an issuer that refuses, answers garbage or lies (a σ_i that fails the check) is
 * skipped for good, one that has not signed yet or is down is asked again in the next round, until t good shares or
 * the deadline. Then σ = AggCred(σ_i) is checked against that key epoch's group key before it is kept.
 *
 * <p>Partials are grouped by the key epoch they name: shares of different key epochs never combine, so only the group
 * of the given key epoch (the latest completed one) is checked and aggregated; the others are counted and named if
 * the collection fails (a request made under a key epoch that is no longer the latest gets no credential here).
 */
final class PartialCollector {

    private final List<IssuerClient> issuers;
    private final NetworkKeys keys;
    private final Duration poll;
    private final Clock clock;

    PartialCollector(List<IssuerClient> issuers, NetworkKeys keys, Duration poll, Clock clock) {
        this.issuers = issuers;
        this.keys = keys;
        this.poll = poll;
        this.clock = clock;
    }

    /**
     * @param notes receives one line per issuer skipped or answered (no secrets)
     * @throws ClientException {@link Kind#ISSUER} if fewer than t good shares arrive before {@code deadline}
     */
    Signature collect(
            String requestId, Attributes token, ElGamalKeyPair elGamal, Instant deadline, Consumer<String> notes) {
        Map<URI, IssuerClient> waiting = new LinkedHashMap<>();
        issuers.forEach(i -> waiting.put(i.base(), i));
        Map<Integer, PartialSignature> good = new LinkedHashMap<>();
        SortedMap<Long, SortedSet<Integer>> otherKeyEpochs = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        while (true) {
            for (IssuerClient issuer : List.copyOf(waiting.values())) {
                if (good.size() >= keys.threshold()) {
                    break;
                }
                IssuerClient.Answer answer = issuer.partial(requestId);
                if (answer instanceof IssuerClient.Issued issued) {
                    waiting.remove(issuer.base());
                    Optional<String> problem = issued.keyEpoch() == keys.keyEpoch()
                            ? accept(issued, token, elGamal, good)
                            : Optional.of(otherKeyEpoch(issued, otherKeyEpochs));
                    problem.ifPresent(p -> skipped.add(issuer.base() + ": " + p));
                    notes.accept(issuer.base()
                            + (problem.isEmpty()
                                    ? ": share of authority " + issued.authority() + " checks"
                                    : ": skipped, " + problem.get()));
                } else if (answer instanceof IssuerClient.Never never) {
                    waiting.remove(issuer.base());
                    skipped.add(issuer.base() + ": " + never.why());
                    notes.accept(issuer.base() + ": skipped, " + never.why());
                }
            }
            if (good.size() >= keys.threshold()) {
                return aggregate(new ArrayList<>(good.values()), token);
            }
            if (waiting.isEmpty() || !clock.instant().plus(poll).isBefore(deadline)) {
                throw new ClientException(
                        Kind.ISSUER,
                        "only " + good.size() + " of the " + keys.threshold() + " partial credentials of key epoch "
                                + keys.keyEpoch() + " needed for request " + requestId + " arrived"
                                + (otherKeyEpochs.isEmpty()
                                        ? ""
                                        : "; authorities that signed under other key epochs: " + otherKeyEpochs)
                                + (skipped.isEmpty() ? "" : "; skipped: " + skipped));
            }
            sleep(poll);
        }
    }

    /** Files a partial of another key epoch in its group, never aggregated; says why it is not used. */
    private String otherKeyEpoch(IssuerClient.Issued issued, SortedMap<Long, SortedSet<Integer>> groups) {
        groups.computeIfAbsent(issued.keyEpoch(), e -> new TreeSet<>()).add(issued.authority());
        return "authority " + issued.authority() + " signed under key epoch " + issued.keyEpoch()
                + ", not under the latest completed key epoch " + keys.keyEpoch();
    }

    /** Unblinds and checks one issuer's answer; empty if it was kept, else why not. */
    private Optional<String> accept(
            IssuerClient.Issued issued, Attributes token, ElGamalKeyPair elGamal, Map<Integer, PartialSignature> good) {
        Optional<VerificationKeyShare> share = keys.share(issued.authority());
        if (share.isEmpty()) {
            return Optional.of("authority " + issued.authority() + " has no key share on the ledger");
        }
        if (good.containsKey(issued.authority())) {
            return Optional.of("authority " + issued.authority() + " answered already through another endpoint");
        }
        try {
            Signature sigmaI = Issuance.unblind(issued.blinded(), elGamal);
            SignatureVerification.verifyShare(keys.params(), share.get().key(), token, sigmaI);
            good.put(issued.authority(), new PartialSignature(issued.authority(), sigmaI));
            return Optional.empty();
        } catch (CoconutException e) {
            return Optional.of("its partial credential does not check against authority " + issued.authority()
                    + "'s key share (" + e.kind() + ")");
        }
    }

    private Signature aggregate(List<PartialSignature> shares, Attributes token) {
        try {
            Signature sigma = Aggregation.aggregateSignatures(shares);
            SignatureVerification.verifyShare(keys.params(), keys.aggregated(), token, sigma);
            return sigma;
        } catch (CoconutException e) {
            throw new ClientException(
                    Kind.ISSUER,
                    "the aggregated credential does not verify under the group key of key epoch " + keys.keyEpoch()
                            + ": " + e.kind(),
                    e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(Kind.ISSUER, "interrupted while waiting for partial credentials", e);
        }
    }
}
