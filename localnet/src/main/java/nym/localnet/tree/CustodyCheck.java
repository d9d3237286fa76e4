package nym.localnet.tree;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks what an authority's machine was handed against the network tree's secrets (the must-show of issue 19): an
 * instance's home may hold its own authority's secret files and the providers' keys, nothing of another authority, of
 * a client, of a mix node or gateway (a gateway's ledger account included), of a node operator, of the ledger or of
 * the pipe account; an
 * archive (the EAR) may hold no key at all. A secret is looked for in every form a file could carry it (its text, raw
 * bytes, hex in either case, base64 and base64url), so a copy under another name or encoding is found too. The
 * findings name files and owners, never a secret's text.
 */
public final class CustodyCheck {

    /**
     * The tree's folders holding parties' keys (localnet's build folder holds more: Payara, logs, the instances' homes
     * themselves, which are not the tree's).
     */
    private static final List<String> PARTY_FOLDERS =
            List.of("authorities", "providers", "clients", "ethereum", "mixnodes", "gateways", "operators");
    /** Any file with this extension, in a home or an archive, is taken for key material. */
    private static final String KEY_EXTENSION = ".key";

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern BASE64URL_KEY = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern AUTHORITY_FILE = Pattern.compile("authorities/authority-([1-9][0-9]*)/.+");

    /** One secret file of the tree; {@code authority} 0 for parties that are no authority. */
    private record Secret(String file, int authority, boolean provider, List<String> forms) {

        /** Whether authority {@code index}'s instance may hold it. */
        boolean allowedAt(int index) {
            return provider || authority == index;
        }

        String owner() {
            return authority > 0 ? "authority " + authority + "'s " + file : file;
        }
    }

    private final List<Secret> secrets;

    private CustodyCheck(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /**
     * The secrets of the tree at {@code tree}: every authority's secret files (its monitor's key among them), the
     * providers', the clients', the pipe account's, the mix nodes' and the gateways' (their node keys and their ledger
     * accounts) and the node operators'.
     */
    public static CustodyCheck of(Path tree) throws IOException {
        List<Secret> secrets = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String folder : PARTY_FOLDERS) {
            if (Files.isDirectory(tree.resolve(folder))) {
                try (Stream<Path> walk = Files.walk(tree.resolve(folder))) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(KEY_EXTENSION))
                            .sorted()
                            .forEach(files::add);
                }
            }
        }
        for (Path file : files) {
            String relative = tree.relativize(file).toString();
            Matcher m = AUTHORITY_FILE.matcher(relative);
            int authority = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            String text = KeyFiles.read(file);
            if (!text.isEmpty()) {
                secrets.add(new Secret(relative, authority, relative.startsWith("providers/"), forms(text)));
            }
        }
        if (secrets.stream().noneMatch(s -> s.authority > 0)) {
            throw new IllegalStateException(tree + " holds no authority's secret file: not a network tree");
        }
        return new CustodyCheck(List.copyOf(secrets));
    }

    /** What is wrong with the home handed to authority {@code index}'s instance; empty when nothing is. */
    public List<String> home(Path home, int index) throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String relative = home.relativize(file).toString();
            String where = "instance " + index + "'s home: " + relative;
            if (Files.isSymbolicLink(file)) {
                findings.add(where + " is a symbolic link (it could lead into the whole tree)");
                continue;
            }
            findings.addAll(forbiddenPath(where, relative, index));
            if (relative.endsWith(KEY_EXTENSION)
                    && !Files.getPosixFilePermissions(file).equals(KeyFiles.OWNER_ONLY)) {
                findings.add(where + " is a secret file readable by others than its owner");
            }
            findings.addAll(text(where, Files.readString(file, StandardCharsets.ISO_8859_1), index));
        }
        return findings;
    }

    /** Secrets in {@code text} that authority {@code index}'s instance must not hold (e.g. its system properties). */
    public List<String> text(String where, String text, int index) {
        return secrets.stream()
                .filter(s -> !s.allowedAt(index))
                .filter(s -> s.forms.stream().anyMatch(text::contains))
                .map(s -> where + " contains " + s.owner())
                .toList();
    }

    /** Every secret of the tree, whoever's, in {@code text}: for what no party may keep, such as the shared database. */
    public List<String> anyParty(String where, String text) {
        return secrets.stream()
                .filter(s -> s.forms.stream().anyMatch(text::contains))
                .map(s -> where + " contains " + s.owner())
                .toList();
    }

    /** Key material in an archive (EAR, WAR, JAR, nested at any depth): a key file, or any secret of the tree. */
    public List<String> archive(Path archive) throws IOException {
        List<String> findings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive)) {
            scan(archive.getFileName().toString(), in, findings);
        }
        return findings;
    }

    /** The same in a folder, e.g. an application as Payara unpacked it (its archives opened too). */
    public List<String> folder(Path folder) throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            inspect(folder.relativize(file).toString(), Files.readAllBytes(file), findings);
        }
        return findings;
    }

    private void scan(String where, InputStream archive, List<String> findings) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                inspect(where + "!" + entry.getName(), zip.readAllBytes(), findings);
            }
        }
    }

    private void inspect(String name, byte[] content, List<String> findings) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(KEY_EXTENSION)) {
            findings.add(name + " is a key file");
        }
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".rar") || lower.endsWith(".zip")) {
            scan(name, new ByteArrayInputStream(content), findings);
        } else {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            secrets.stream()
                    .filter(s -> s.forms.stream().anyMatch(text::contains))
                    .forEach(s -> findings.add(name + " contains " + s.owner()));
        }
    }

    private List<String> forbiddenPath(String where, String relative, int index) {
        List<String> findings = new ArrayList<>();
        if (relative.startsWith("clients/") || relative.startsWith("ledger/") || relative.endsWith("pipe.key")) {
            findings.add(where + " is a client's, the ledger's or the pipe account's file");
        }
        secrets.stream()
                .filter(s -> s.authority > 0 && s.authority != index && s.file.equals(relative))
                .forEach(s -> findings.add(where + " is " + s.owner()));
        return findings;
    }

    /**
     * The forms a key's text could take in another file: as written, raw bytes, hex, base64 and base64url; a key
     * file of another format (a mix node's, in the tree's node homes) only as written.
     */
    private static List<String> forms(String text) {
        byte[] raw;
        if (HEX_KEY.matcher(text).matches()) {
            raw = HexFormat.of().parseHex(text);
        } else if (BASE64URL_KEY.matcher(text).matches()) {
            raw = Base64.getUrlDecoder().decode(text);
        } else {
            return List.of(text);
        }
        return List.of(
                text,
                new String(raw, StandardCharsets.ISO_8859_1),
                HexFormat.of().formatHex(raw),
                HexFormat.of().withUpperCase().formatHex(raw),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                Base64.getEncoder().withoutPadding().encodeToString(raw));
    }
}
