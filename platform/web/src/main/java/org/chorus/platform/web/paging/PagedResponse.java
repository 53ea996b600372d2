package org.chorus.platform.web.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Answers a list request with the page as body and, when there is more, a {@code Link: <...>; rel="next"} header. */
public final class PagedResponse {

    private PagedResponse() {
    }

    public static Response of(Page<?> page, UriInfo uriInfo) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            var next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            response.links(Link.fromUri(next).rel("next").build());
        }
        return response.build();
    }
}
