package nym.client.gateway;

import nym.client.ClientException;

/** A {@code host:port} pair as the topology and the config write it ({@code [v6]:port} for IPv6 literals). */
public record HostPort(String host, int port) {

    /** @param what names the value in the error message */
    public static HostPort parse(String text, String what) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ClientException(ClientException.Kind.GATEWAY, what + " must be host:port, got " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ClientException(ClientException.Kind.GATEWAY, what + " has no numeric port: " + text, e);
        }
        if (port < 1 || port > 65535 || host.isEmpty()) {
            throw new ClientException(ClientException.Kind.GATEWAY, what + " must be host:port with port 1..65535");
        }
        return new HostPort(host, port);
    }
}
