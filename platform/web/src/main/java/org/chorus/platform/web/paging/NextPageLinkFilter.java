package org.chorus.platform.web.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds {@code Link: <...>; rel="next"} to any response whose body is a {@link Page} with more to come, so that a
 * resource can simply return {@code Page<T>} and its OpenAPI schema stays typed.
 */
public class NextPageLinkFilter {

    @ServerResponseFilter
    public void addNextLink(ContainerResponseContext response, UriInfo uriInfo) {
        if (response.getEntity() instanceof Page<?> page && page.nextCursor() != null
                && !response.getHeaders().containsKey(HttpHeaders.LINK)) {
            var next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            response.getHeaders().add(HttpHeaders.LINK, Link.fromUri(next).rel("next").build());
        }
    }
}
