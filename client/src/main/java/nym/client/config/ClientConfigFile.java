package nym.client.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.client.topology.MixNode;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.sphinx.SphinxParams;
import org.tomlj.Toml;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;

/**
 * Reads and writes {@code config.toml}. Reading checks every value and refuses unknown keys (a typo must not silently
 * fall back to a default); the file written documents each setting and its default.
 */
public final class ClientConfigFile {

    /** Upper bound of a stream's rate: far above what a client should send, low enough to catch a unit mistake. */
    static final double MAX_RATE = 10_000.0;

    /** Upper bound of {@code gateway.topup_below_bytes} (1 TiB): catches a unit mistake. */
    static final long MAX_TOPUP_BELOW_BYTES = 1L << 40;

    /**
     * Keys an older client read and this one does not, each with what to do instead: refused rather than ignored, so
     * an operator who set one learns it no longer has an effect. Sorted, so a file with several names the same one.
     */
    static final SortedMap<String, String> RETIRED_KEYS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "directory.key",
            "the directory no longer signs the topology with one key: each epoch's document is signed by t of n"
                    + " topology authorities; set up this client again with `nymclient init --authorities <network"
                    + " tree>/directory/authorities.properties` in a new home (see the client README, \"Trust\")",
            "traffic.message_rate",
            "the client now sends three independent Poisson streams; set traffic.payload_rate, traffic.loop_rate and"
                    + " traffic.drop_rate instead (see the client README)",
            "traffic.fetch_interval_ms",
            "the client no longer fetches its inbox: the gateway pushes one downlink cell at its own fixed rate"
                    + " (timing.downlink_cells_per_second of the gateway); remove the line (see the client README)")));

    private static final Set<String> KNOWN_KEYS = Set.of(
            "client.id",
            "directory.url",
            "directory.refresh_ms",
            "directory.authority_keys",
            "directory.authority_threshold",
            "gateway.identity_key",
            "gateway.topup_below_bytes",
            "traffic.payload_rate",
            "traffic.loop_rate",
            "traffic.drop_rate",
            "traffic.average_hop_delay_ms",
            "traffic.loop_timeout_ms",
            "traffic.send_queue_limit",
            "api.host",
            "api.port",
            "routing.min_performance",
            "sphinx.payload_size");

    private ClientConfigFile() {}

    public static ClientConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClientException(Kind.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (ClientException e) {
            throw new ClientException(Kind.CONFIG, file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks the text of a config file. */
    public static ClientConfig parse(String text) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            throw new ClientException(
                    Kind.CONFIG, "not valid TOML: " + toml.errors().get(0));
        }
        for (Map.Entry<String, String> retired : RETIRED_KEYS.entrySet()) {
            if (toml.contains(retired.getKey())) {
                throw new ClientException(Kind.CONFIG, retired.getKey() + " is no longer read: " + retired.getValue());
            }
        }
        Set<String> unknown = new TreeSet<>(toml.dottedKeySet());
        unknown.removeAll(KNOWN_KEYS);
        unknown.removeIf(key -> key.startsWith("credential.")); // the credential flow's, read by CredentialConfigFile
        if (!unknown.isEmpty()) {
            throw new ClientException(Kind.CONFIG, "unknown setting(s) " + unknown);
        }
        try {
            Values v = new Values(toml);
            ClientConfig.Traffic t = ClientConfig.Traffic.DEFAULTS;
            MixingOverride mixing = new MixingOverride(
                    v.optionalMillis("traffic.average_hop_delay_ms"),
                    v.optionalRate("traffic.payload_rate"),
                    v.optionalRate("traffic.loop_rate"),
                    v.optionalRate("traffic.drop_rate"));
            ClientConfig.Traffic traffic =
                    new ClientConfig.Traffic(mixing, v.millis("traffic.loop_timeout_ms", t.loopTimeout(), true), (int)
                            v.integer("traffic.send_queue_limit", t.sendQueueLimit(), 1, 1_000_000));
            ClientConfig.Api api =
                    new ClientConfig.Api(v.loopbackHost("api.host", ClientConfig.Api.DEFAULTS.host()), (int)
                            v.integer("api.port", ClientConfig.Api.DEFAULTS.port(), 0, 65535));
            ClientConfig.Gateway gateway = new ClientConfig.Gateway(
                    v.key("gateway.identity_key"),
                    v.integer(
                            "gateway.topup_below_bytes",
                            ClientConfig.Gateway.DEFAULT_TOPUP_BELOW_BYTES,
                            0,
                            MAX_TOPUP_BELOW_BYTES));
            ClientConfig.Directory directory = new ClientConfig.Directory(
                    v.url("directory.url"),
                    v.millis("directory.refresh_ms", ClientConfig.Directory.DEFAULT_REFRESH, true));
            int payload = (int) v.integer(
                    "sphinx.payload_size",
                    ClientConfig.DEFAULT_PAYLOAD_SIZE,
                    SphinxParams.MIN_PAYLOAD,
                    SphinxParams.MAX_PAYLOAD);
            ClientConfig.Routing routing = new ClientConfig.Routing((int) v.integer(
                    "routing.min_performance",
                    ClientConfig.Routing.DEFAULTS.minPerformance(),
                    0,
                    MixNode.FULL_PERFORMANCE));
            return new ClientConfig(
                    v.id("client.id"), directory, v.authorities(), gateway, traffic, api, routing, payload);
        } catch (TomlInvalidTypeException e) {
            throw new ClientException(Kind.CONFIG, "wrong type: " + e.getMessage(), e);
        }
    }

    public static void write(ClientConfig config, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClientException(Kind.CONFIG, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The documented TOML text of {@code config}. */
    public static String render(ClientConfig c) {
        ClientConfig.Traffic d = ClientConfig.Traffic.DEFAULTS;
        ClientConfig.Traffic t = c.traffic();
        MixingOverride m = t.mixing();
        return String.join(
                "\n",
                "# nymclient configuration, written by `nymclient init`. Every setting is checked when read;",
                "# unknown keys are refused. Defaults are given in the comments.",
                "",
                "[client]",
                "id = " + quote(c.id()),
                "",
                "[directory]",
                "# Base URL of the directory that serves the signed epoch documents.",
                "url = " + quote(c.directory().url().toString()),
                "# How often the next epoch's document is looked for while none is held, and a failed fetch tried",
                "# again, milliseconds (default " + ClientConfig.Directory.DEFAULT_REFRESH.toMillis()
                        + "); the switch to it happens at the epoch's start.",
                "refresh_ms = " + c.directory().refresh().toMillis(),
                "# The topology authorities this client trusts (pinned at init from the network tree's",
                "# directory/authorities.properties, or on first use): an epoch document is used only with at least",
                "# authority_threshold valid signatures of these Ed25519 keys (unpadded base64url, authority 1 first).",
                "authority_keys = ["
                        + String.join(
                                ", ",
                                c.authorities().keys().stream()
                                        .map(ClientConfigFile::quote)
                                        .toList())
                        + "]",
                "authority_threshold = " + c.authorities().threshold(),
                "",
                "[gateway]",
                "# The gateway this client registered with (by its identity key; no token); its Sphinx key and",
                "# client listener come from the verified topology.",
                "identity_key = " + quote(c.gateway().identityKey()),
                "# A gateway that charges for bandwidth is paid with a credential (from the wallet, else obtained",
                "# through the [credential] settings) when the balance it reports is below this many bytes",
                "# (default " + ClientConfig.Gateway.DEFAULT_TOPUP_BELOW_BYTES + " = 1 MiB; 0: only once it refused a"
                        + " packet for want of bandwidth).",
                "topup_below_bytes = " + c.gateway().topUpBelowBytes(),
                "",
                "[traffic]",
                "# Three independent Poisson streams (as in Loopix), packets per second. A real message only takes",
                "# the place of a payload-stream drop, so what an observer (or the gateway) sees does not change",
                "# when you send. The rates and the mean delay per mix hop come from each epoch document, so that",
                "# every client sends alike; a value set here overrides the document's and makes this client",
                "# stand out (for tests and experiments only).",
                "# Payload stream: a queued real message, else a drop cover packet.",
                optional(
                        "payload_rate",
                        m.payloadRate().isPresent() ? number(m.payloadRate().getAsDouble()) : null),
                "# Loop cover stream: packets that return to this client, for reliability and round-trip times;",
                "# 0 turns it off.",
                optional(
                        "loop_rate",
                        m.loopRate().isPresent() ? number(m.loopRate().getAsDouble()) : null),
                "# Drop cover stream: packets a gateway discards; 0 turns it off.",
                optional(
                        "drop_rate",
                        m.dropRate().isPresent() ? number(m.dropRate().getAsDouble()) : null),
                "# Mean of the exponential delay chosen for each mix hop, milliseconds, fractions allowed.",
                optional(
                        "average_hop_delay_ms",
                        m.averageHopDelay().map(ClientConfigFile::millis).orElse(null)),
                "# A loop packet not back after this many milliseconds counts as lost (default "
                        + millis(d.loopTimeout()) + ").",
                "loop_timeout_ms = " + millis(t.loopTimeout()),
                "# Real messages waiting for the payload stream; further sends are refused (default "
                        + d.sendQueueLimit() + ").",
                "send_queue_limit = " + t.sendQueueLimit(),
                "",
                "[api]",
                "# Local WebSocket API for applications; loopback only (default " + ClientConfig.Api.DEFAULTS.host()
                        + ":" + ClientConfig.Api.DEFAULTS.port() + "; port 0 picks a free port).",
                "host = " + quote(c.api().host()),
                "port = " + c.api().port(),
                "",
                "[routing]",
                "# Each route takes one mix node per layer, chosen with probability proportional to its performance",
                "# in the epoch document (the network monitors' score, per mille; a node without one counts as 1000).",
                "# Nodes scored below this are skipped, unless that would leave a layer empty (default "
                        + ClientConfig.Routing.DEFAULTS.minPerformance() + ", 0..1000).",
                "min_performance = " + c.routing().minPerformance(),
                "",
                "[sphinx]",
                "# Payload size of every packet; all nodes and clients of a network must agree (default "
                        + ClientConfig.DEFAULT_PAYLOAD_SIZE + ").",
                "payload_size = " + c.payloadSize(),
                "");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code key = value}, or a commented line saying the epoch document's value is used. */
    private static String optional(String key, String value) {
        return value == null ? "# " + key + " = (the epoch document's)" : key + " = " + value;
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String millis(Duration d) {
        return number(d.toNanos() / 1e6);
    }

    /** Typed, checked access to the parsed values; every error names the key. */
    private record Values(TomlParseResult toml) {

        String required(String key) {
            String value = toml.getString(key);
            if (value == null || value.isBlank()) {
                throw new ClientException(Kind.CONFIG, key + " is missing");
            }
            return value;
        }

        String id(String key) {
            String id = required(key);
            if (!id.matches("[A-Za-z0-9._-]{1,64}") || id.startsWith(".")) {
                throw new ClientException(Kind.CONFIG, key + " must be 1-64 of [A-Za-z0-9._-], not starting with '.'");
            }
            return id;
        }

        ClientConfig.Authorities authorities() {
            for (String key : List.of("directory.authority_keys", "directory.authority_threshold")) {
                if (!toml.contains(key)) {
                    throw new ClientException(
                            Kind.CONFIG,
                            key + " is missing: the topology authorities must be pinned (`nymclient init"
                                    + " --authorities <network tree>/directory/authorities.properties`)");
                }
            }
            if (!toml.isArray("directory.authority_keys")) {
                throw new ClientException(Kind.CONFIG, "directory.authority_keys must be an array of keys");
            }
            List<String> keys = new ArrayList<>();
            for (Object key : toml.getArray("directory.authority_keys").toList()) {
                if (!(key instanceof String text)) {
                    throw new ClientException(
                            Kind.CONFIG, "directory.authority_keys must hold strings (base64url keys)");
                }
                keys.add(text);
            }
            try {
                return new ClientConfig.Authorities(
                        keys, (int) integer("directory.authority_threshold", 0, 1, keys.size()));
            } catch (DirectoryException e) {
                throw new ClientException(Kind.CONFIG, "directory.authority_keys: " + e.getMessage(), e);
            }
        }

        Optional<Duration> optionalMillis(String key) {
            return toml.contains(key) ? Optional.of(millis(key, Duration.ZERO, false)) : Optional.empty();
        }

        OptionalDouble optionalRate(String key) {
            return toml.contains(key) ? OptionalDouble.of(rate(key, 0.0)) : OptionalDouble.empty();
        }

        String key(String key) {
            String text = required(key);
            try {
                Keys.decode(text, Keys.PUBLIC_KEY_BYTES, key);
            } catch (DirectoryException e) {
                throw new ClientException(Kind.CONFIG, e.getMessage(), e);
            }
            return text;
        }

        URI url(String key) {
            String text = required(key);
            try {
                URI uri = new URI(text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(text, "not an http(s) URL with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ClientException(Kind.CONFIG, key + ": " + e.getMessage(), e);
            }
        }

        String loopbackHost(String key, String fallback) {
            String host = toml.contains(key) ? required(key) : fallback;
            if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
                throw new ClientException(Kind.CONFIG, key + " must be a loopback address, not " + host);
            }
            return host;
        }

        double rate(String key, double fallback) {
            Double value = toml.contains(key) ? toml.getDouble(key) : Double.valueOf(fallback);
            if (value == null || !(value >= 0.0 && value <= MAX_RATE)) {
                throw new ClientException(
                        Kind.CONFIG, key + " must be a number of packets per second within 0.." + MAX_RATE);
            }
            return value;
        }

        Duration millis(String key, Duration fallback, boolean positive) {
            if (!toml.contains(key)) {
                return fallback;
            }
            Object raw = toml.get(key);
            double ms;
            if (raw instanceof Double d) {
                ms = d;
            } else if (raw instanceof Long l) {
                ms = l;
            } else {
                throw new ClientException(Kind.CONFIG, key + " must be a number of milliseconds");
            }
            double limit = Duration.ofDays(1).toMillis();
            if (!(ms >= 0.0 && ms <= limit) || (positive && ms == 0.0)) {
                throw new ClientException(
                        Kind.CONFIG, key + " must be " + (positive ? "> 0" : ">= 0") + " and at most one day (ms)");
            }
            return Duration.ofNanos(Math.round(ms * 1e6));
        }

        long integer(String key, long fallback, long min, long max) {
            if (!toml.contains(key)) {
                return fallback;
            }
            if (!toml.isLong(key)) {
                throw new ClientException(Kind.CONFIG, key + " must be an integer");
            }
            long value = toml.getLong(key);
            if (value < min || value > max) {
                throw new ClientException(Kind.CONFIG, key + " must be within " + min + ".." + max);
            }
            return value;
        }
    }
}
