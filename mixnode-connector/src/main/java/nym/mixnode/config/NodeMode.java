package nym.mixnode.config;

import java.util.Locale;

/** What a node is: a mix node of one layer, or a gateway (clients' entry and exit, the final Sphinx hop). */
public enum NodeMode {
    MIX,
    GATEWAY;

    /** The form in config.toml and on the command line: {@code mix} or {@code gateway}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code mix} or {@code gateway} */
    public static NodeMode parse(String text) {
        for (NodeMode m : values()) {
            if (m.text().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be \"mix\" or \"gateway\", was \"" + text + "\"");
    }
}
