package nym.issuer.application;

import java.util.ArrayList;
import java.util.List;
import nym.issuer.domain.PartialCredential;

/** What the services counted, for tests. */
final class RecordingMetrics implements IssuerMetrics {
    final List<PartialCredential> served = new ArrayList<>();
    long keyEpoch;
    int dealt;
    int complained;
    final List<Long> installed = new ArrayList<>();

    @Override
    public void served(PartialCredential outcome) {
        served.add(outcome);
    }

    @Override
    public void keyEpoch(long number) {
        keyEpoch = number;
    }

    @Override
    public void dealt() {
        dealt++;
    }

    @Override
    public void complained() {
        complained++;
    }

    @Override
    public void installed(long keyEpoch) {
        installed.add(keyEpoch);
    }
}
