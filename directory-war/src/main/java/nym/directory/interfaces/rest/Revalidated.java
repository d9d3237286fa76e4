package nym.directory.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a poller that revalidates with {@code If-None-Match}: 304 while its tag still holds, else the JSON
 * body with the tag and {@code Cache-Control: no-cache}, so that no cache serves the body again without asking.
 */
final class Revalidated {

    private Revalidated() {}

    static Response json(byte[] body, String etag, boolean unchanged) {
        if (unchanged) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
