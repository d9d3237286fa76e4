package nym.directory.domain.node;

/** What a registered node is; stored as its lower-case name. */
public enum NodeKind {
    MIXNODE,
    GATEWAY,
    VALIDATOR;

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static NodeKind ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
