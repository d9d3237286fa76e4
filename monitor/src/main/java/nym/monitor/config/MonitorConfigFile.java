package nym.monitor.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nym.monitor.MonitorException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlParseResult;

/**
 * Reads and writes {@code monitor.toml}. Reading checks every value and refuses unknown keys; relative paths are
 * relative to the file's folder (so a monitor home can move); the file written documents each setting.
 */
public final class MonitorConfigFile {

    public static final String NAME = "monitor.toml";

    private static final Set<String> KNOWN_KEYS = Set.of(
            "directory.url",
            "directory.authorities",
            "ledger.nodes",
            "ledger.key",
            "clients.homes",
            "estimator.min_samples");

    private MonitorConfigFile() {}

    public static MonitorConfig read(Path file) {
        if (!Files.exists(file)) {
            throw new MonitorException("no " + file + ": set the monitor up with `nym-monitor init` first");
        }
        try {
            return parse(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new MonitorException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (MonitorException e) {
            throw new MonitorException(file + ": " + e.getMessage(), e);
        }
    }

    static MonitorConfig parse(String text, Path folder) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            throw new MonitorException("not valid TOML: " + toml.errors().get(0));
        }
        Set<String> unknown = new TreeSet<>(toml.dottedKeySet());
        unknown.removeAll(KNOWN_KEYS);
        if (!unknown.isEmpty()) {
            throw new MonitorException("unknown keys " + unknown);
        }
        try {
            Long minSamples = toml.getLong("estimator.min_samples");
            return new MonitorConfig(
                    uri(required(toml.getString("directory.url"), "directory.url"), "directory.url"),
                    folder.resolve(required(toml.getString("directory.authorities"), "directory.authorities")),
                    strings(toml, "ledger.nodes").stream()
                            .map(u -> uri(u, "ledger.nodes"))
                            .toList(),
                    folder.resolve(required(toml.getString("ledger.key"), "ledger.key")),
                    strings(toml, "clients.homes").stream().map(folder::resolve).toList(),
                    minSamples == null
                            ? nym.monitor.ReliabilityEstimator.DEFAULT_MIN_SAMPLES
                            : Math.toIntExact(minSamples));
        } catch (TomlInvalidTypeException | ArithmeticException e) {
            throw new MonitorException("a value of the wrong type: " + e.getMessage(), e);
        }
    }

    /** The file's text; paths inside {@code folder} are written relative to it. */
    public static String render(MonitorConfig c, Path folder) {
        return "# nym-monitor configuration (written by `nym-monitor init`; relative paths are relative to this folder)\n"
                + "\n[directory]\n"
                + "# the directory's base URL: the monitor's clients read their epoch documents there\n"
                + "url = " + quote(c.directory().toString()) + "\n"
                + "# the network tree's authorities.properties: its epoch_seconds is the monitor's schedule\n"
                + "authorities = " + quote(relative(folder, c.authorities())) + "\n"
                + "\n[ledger]\n"
                + "# RPC endpoints of the ledger's nodes, tried in order\n"
                + "nodes = " + list(c.ledgerNodes().stream().map(URI::toString).toList()) + "\n"
                + "# the monitor's ledger account (secp256k1, 64 hex digits, 0600); registered in the chain's stake.monitors\n"
                + "key = " + quote(relative(folder, c.key())) + "\n"
                + "\n[clients]\n"
                + "# one ordinary client home (nymclient init) per gateway, each registered and paying there\n"
                + "homes = "
                + list(c.clientHomes().stream().map(h -> relative(folder, h)).toList()) + "\n"
                + "\n[estimator]\n"
                + "# a node crossed by fewer test loops in an epoch is not reported (default 5)\n"
                + "min_samples = " + c.minSamples() + "\n";
    }

    public static void write(MonitorConfig c, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String text = render(c, folder);
        parse(text, folder); // what we write must read back
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MonitorException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new MonitorException(key + " is missing");
        }
        return value;
    }

    private static List<String> strings(TomlParseResult toml, String key) {
        TomlArray array = toml.getArray(key);
        if (array == null) {
            throw new MonitorException(key + " is missing");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(required(array.getString(i), key));
        }
        return out;
    }

    private static URI uri(String text, String key) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new MonitorException(key + ": not an http(s) URL: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MonitorException(key + ": not a URL: " + text, e);
        }
    }

    private static String relative(Path folder, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<String> items) {
        return items.stream().map(MonitorConfigFile::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
