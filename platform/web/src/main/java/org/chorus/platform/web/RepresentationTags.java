package org.chorus.platform.web;

import java.io.IOException;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Completes every ETag a resource sets ({@link ETags#ok}) with the digest of the bytes it is sent with, and answers a
 * read whose {@code If-None-Match} names them with 304 and no body. The digest is what makes the 304 true: a record's
 * version does not change when its representation does (the language asked, a finding's places after its activity
 * moved, a survey past its closing time before the closing is recorded).
 */
public class RepresentationTags {

    /**
     * The application's mapper, writing a map's entries in key order: a record read back from a JSON column (a
     * survey's labels, an organisation's column mapping) has its keys in PostgreSQL's order, not the order they were
     * sent in, and the answer to the write and every read after it must be the same bytes under the same tag.
     */
    private final ObjectMapper canonical;

    public RepresentationTags(ObjectMapper objectMapper) {
        this.canonical = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        EntityTag version = response.getEntityTag();
        if (version == null || !response.hasEntity() || response.getStatus() >= 300) {
            return;
        }
        // Written here, once: the digest is of the bytes sent.
        byte[] representation = canonical.writeValueAsBytes(response.getEntity());
        EntityTag tag = ETags.naming(version, representation);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (isRead(request) && response.getStatus() == 200
                && ETags.noneMatchNames(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            response.setEntity(representation, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    private static boolean isRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    }
}
