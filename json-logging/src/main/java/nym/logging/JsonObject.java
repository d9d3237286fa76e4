package nym.logging;

/** Writes one JSON object field by field, with a comma only between fields. */
final class JsonObject {
    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean empty = true;

    JsonObject string(String name, String value) {
        name(name);
        JsonText.appendString(out, value);
        return this;
    }

    /** {@code json} must already be a complete JSON value (another object written by this class). */
    JsonObject raw(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    JsonObject stringArray(String name, Object[] values) {
        name(name);
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.appendString(out, String.valueOf(values[i]));
        }
        out.append(']');
        return this;
    }

    String close() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        JsonText.appendString(out, name);
        out.append(':');
    }
}
