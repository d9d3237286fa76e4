package nym.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.SignedAuthorityAnnouncement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When this instance is authority i (it signs epoch documents, {@link AuthorityKeys}), it announces itself to the
 * directory a second after start and then every {@code nym.authority.announce-seconds}: its endpoints and public keys
 * ({@link SelfAnnouncement}) signed with its directory key, stored through the same checks a posted announcement
 * passes ({@link AuthorityAnnouncementService}); the database is shared, so every instance serves it. The timer is
 * non-persistent: each authority announces from its own instance only, and a timer shared across the group would
 * run on whichever instance the container picks.
 */
@Singleton
@Startup
public class AuthorityAnnouncer {

    private static final Logger LOG = Logger.getLogger(AuthorityAnnouncer.class.getName());
    private static final long FIRST_DELAY_MILLIS = 1000;

    @Inject
    AuthorityKeys authority;

    @Inject
    AuthorityAnnouncementService announcements;

    @Inject
    @ConfigProperty(name = "nym.authority.announce-seconds", defaultValue = "300")
    long announceSeconds;

    /** The instance's URL as the others reach it; default from its HTTP listener ({@link #publicUrl()}). */
    @Inject
    @ConfigProperty(name = "nym.authority.public-url")
    Optional<String> publicUrl;

    /** Set by Payara on every instance made with {@code create-instance --portbase}: its HTTP listener's port. */
    @Inject
    @ConfigProperty(name = "HTTP_LISTENER_PORT")
    Optional<String> listenerPort;

    @Inject
    @ConfigProperty(name = "nym.ledger.nodes")
    Optional<String> ledgerNodes;

    @Resource
    TimerService timers;

    private String url;

    @PostConstruct
    void start() {
        int index = authority.signingIndex();
        if (index < 1) {
            LOG.info(() -> "not announcing: " + authority.state());
            return;
        }
        if (announceSeconds < 1) {
            LOG.info("not announcing: nym.authority.announce-seconds is " + announceSeconds);
            return;
        }
        Optional<String> resolved = publicUrl();
        if (resolved.isEmpty()) {
            LOG.warning(() -> "authority " + index + " does not announce itself: set nym.authority.public-url (no"
                    + " HTTP_LISTENER_PORT to default from)");
            return;
        }
        url = resolved.get();
        timers.createIntervalTimer(
                FIRST_DELAY_MILLIS, announceSeconds * 1000, new TimerConfig("authority-announcement", false));
        LOG.info(() -> "authority " + index + " announces itself every " + announceSeconds + " s");
    }

    /**
     * {@code nym.authority.public-url}, else {@code http://<this machine's name>:<HTTP_LISTENER_PORT>}: right where the
     * machine's name is what the others resolve (localnet, a Docker network), wrong behind NAT or a proxy, where the
     * property must be set.
     */
    Optional<String> publicUrl() {
        if (publicUrl.isPresent()) {
            return publicUrl;
        }
        if (listenerPort.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of("http://" + InetAddress.getLocalHost().getHostName() + ":"
                    + listenerPort.get().strip());
        } catch (UnknownHostException e) {
            LOG.warning(() -> "cannot name this machine for the announcement: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Its own transactions: a refused announcement must not mark a container transaction for rollback. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void announce() {
        int index = authority.signingIndex();
        Ed25519Identity signer = authority.signer().orElseThrow();
        try {
            AuthorityAnnouncement own = SelfAnnouncement.make(
                    AuthorityKeys.authorityFolder(authority.home().orElseThrow(), index),
                    index,
                    signer.publicKeyText(),
                    url,
                    ledgerNodes,
                    System.currentTimeMillis());
            announcements.accept(SignedAuthorityAnnouncement.sign(own, signer));
        } catch (IOException | RequestRejected e) {
            LOG.warning(() -> "authority " + index + " could not announce itself: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warning(() ->
                    "authority " + index + " could not announce itself (retried in " + announceSeconds + " s): " + e);
        }
    }
}
