package nym.client.credential;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.Token;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;

/**
 * The {@code [credential]} tables of {@code config.toml} (the mixnet client's reader leaves them to this one). Every
 * value is checked, unknown keys under {@code credential.} are refused; {@link #render} writes the documented
 * section.
 */
public final class CredentialConfigFile {

    private static final Set<String> KNOWN_KEYS = Set.of(
            "credential.account_key",
            "credential.value",
            "credential.ledger.rpc",
            "credential.ethereum.rpc",
            "credential.ethereum.token",
            "credential.issuers.urls",
            "credential.provider.url",
            "credential.timing.request_ms",
            "credential.timing.poll_ms",
            "credential.timing.credit_ms",
            "credential.timing.issue_ms",
            "credential.timing.settle_ms");

    private CredentialConfigFile() {}

    /** The section of {@code file}, empty if the file or its {@code [credential]} table does not exist. */
    public static Optional<CredentialConfig> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return parse(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ClientException(Kind.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (ClientException e) {
            throw new ClientException(Kind.CONFIG, file + ": " + e.getMessage(), e);
        }
    }

    /** @param home the folder a relative {@code account_key} is resolved against */
    static Optional<CredentialConfig> parse(String text, Path home) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            throw new ClientException(
                    Kind.CONFIG, "not valid TOML: " + toml.errors().get(0));
        }
        if (!toml.contains("credential")) {
            return Optional.empty();
        }
        Set<String> unknown = toml.dottedKeySet().stream()
                .filter(k -> k.startsWith("credential."))
                .collect(Collectors.toCollection(TreeSet::new));
        unknown.removeAll(KNOWN_KEYS);
        if (!unknown.isEmpty()) {
            throw new ClientException(Kind.CONFIG, "unknown setting(s) " + unknown);
        }
        try {
            CredentialConfig.Timing d = CredentialConfig.Timing.DEFAULTS;
            CredentialConfig.Timing timing = new CredentialConfig.Timing(
                    millis(toml, "credential.timing.request_ms", d.request()),
                    millis(toml, "credential.timing.poll_ms", d.poll()),
                    millis(toml, "credential.timing.credit_ms", d.credit()),
                    millis(toml, "credential.timing.issue_ms", d.issue()),
                    millis(toml, "credential.timing.settle_ms", d.settle()));
            Optional<CredentialConfig.Ethereum> ethereum = Optional.empty();
            if (toml.contains("credential.ethereum.rpc") || toml.contains("credential.ethereum.token")) {
                String token = required(toml, "credential.ethereum.token");
                if (!token.matches("0x[0-9a-fA-F]{40}")) {
                    throw new ClientException(Kind.CONFIG, "credential.ethereum.token must be 0x + 40 hex digits");
                }
                ethereum = Optional.of(new CredentialConfig.Ethereum(url(toml, "credential.ethereum.rpc"), token));
            }
            return Optional.of(new CredentialConfig(
                    home.resolve(required(toml, "credential.account_key")),
                    value(toml),
                    url(toml, "credential.ledger.rpc"),
                    ethereum,
                    urls(toml, "credential.issuers.urls"),
                    url(toml, "credential.provider.url"),
                    timing));
        } catch (TomlInvalidTypeException e) {
            throw new ClientException(Kind.CONFIG, "wrong type: " + e.getMessage(), e);
        }
    }

    /** Adds the documented section for {@code c} at the end of {@code file} (created when missing). */
    public static void append(Path file, CredentialConfig c) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) + "\n" : "";
            Files.writeString(file, before + render(c), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClientException(Kind.CONFIG, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The documented {@code [credential]} section for {@code c}. */
    public static String render(CredentialConfig c) {
        CredentialConfig.Timing d = CredentialConfig.Timing.DEFAULTS;
        CredentialConfig.Timing t = c.timing();
        List<String> lines = new ArrayList<>(List.of(
                "[credential]",
                "# The holder's secp256k1 key (64 hex digits): its Ethereum account and its ledger account.",
                "account_key = " + quote(c.accountKey().toString()),
                "# Token value requested by `credential request` and `demo`, one of " + sorted() + " (default "
                        + CredentialConfig.DEFAULT_VALUE + ").",
                "value = " + c.value(),
                "",
                "[credential.ledger]",
                "# The ledger's CometBFT RPC endpoint.",
                "rpc = " + quote(c.ledger().toString()),
                ""));
        if (c.ethereum().isPresent()) {
            lines.addAll(List.of(
                    "[credential.ethereum]",
                    "# Ethereum JSON-RPC and the NYM ERC20 contract. Without this table the Ethereum steps are skipped",
                    "# and the ledger account must be funded already (e.g. at genesis).",
                    "rpc = " + quote(c.ethereum().get().rpc().toString()),
                    "token = " + quote(c.ethereum().get().token()),
                    ""));
        }
        lines.addAll(List.of(
                "[credential.issuers]",
                "# Base URL of each authority's instance; the issuer API is under /issuer/api. Any t of them suffice.",
                "urls = [" + c.issuers().stream().map(u -> quote(u.toString())).collect(Collectors.joining(", ")) + "]",
                "",
                "[credential.provider]",
                "# The service provider to spend at: <instance>/provider/api/providers/<k>.",
                "url = " + quote(c.provider().toString()),
                "",
                "[credential.timing]",
                "# Bound of one HTTP call, ms (default " + d.request().toMillis() + ").",
                "request_ms = " + t.request().toMillis(),
                "# Pause between two looks at something not there yet, ms (default "
                        + d.poll().toMillis() + ").",
                "poll_ms = " + t.poll().toMillis(),
                "# Wait for the ledger to credit an Ethereum transfer, ms (default "
                        + d.credit().toMillis() + ").",
                "credit_ms = " + t.credit().toMillis(),
                "# Wait for t partial credentials, ms (default " + d.issue().toMillis() + ").",
                "issue_ms = " + t.issue().toMillis(),
                "# Wait for the verifiers to settle a deposit, ms (default "
                        + d.settle().toMillis() + ").",
                "settle_ms = " + t.settle().toMillis(),
                ""));
        return String.join("\n", lines);
    }

    private static String sorted() {
        return Token.VALUES.stream().sorted().toList().toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String required(TomlParseResult toml, String key) {
        String v = toml.getString(key);
        if (v == null || v.isBlank()) {
            throw new ClientException(Kind.CONFIG, key + " is missing");
        }
        return v;
    }

    private static int value(TomlParseResult toml) {
        Long v = toml.getLong("credential.value");
        long value = v == null ? CredentialConfig.DEFAULT_VALUE : v;
        if (!Token.VALUES.contains((int) value) || value != (int) value) {
            throw new ClientException(Kind.CONFIG, "credential.value must be one of " + sorted());
        }
        return (int) value;
    }

    private static Duration millis(TomlParseResult toml, String key, Duration fallback) {
        Long v = toml.getLong(key);
        if (v == null) {
            return fallback;
        }
        if (v < 1 || v > 3_600_000) {
            throw new ClientException(Kind.CONFIG, key + " must be 1..3600000");
        }
        return Duration.ofMillis(v);
    }

    private static URI url(TomlParseResult toml, String key) {
        return parseUrl(required(toml, key), key);
    }

    private static List<URI> urls(TomlParseResult toml, String key) {
        TomlArray array = toml.getArray(key);
        if (array == null || array.isEmpty()) {
            throw new ClientException(Kind.CONFIG, key + " must list at least one URL");
        }
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(parseUrl(array.getString(i), key));
        }
        return out;
    }

    private static URI parseUrl(String text, String key) {
        try {
            URI u = new URI(text);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new ClientException(Kind.CONFIG, key + " must be an http(s) URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ClientException(Kind.CONFIG, key + " is not a URL: " + e.getMessage(), e);
        }
    }
}
