package nym.directory.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import nym.directory.application.StakeService;

/** {@code Cache-Control: max-age} of the directory's own reuse period on the successful answers of {@link ShortLived}. */
@Provider
@ShortLived
public class ShortLivedFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "max-age=" + StakeService.REUSE_MILLIS / 1000);
        }
    }
}
