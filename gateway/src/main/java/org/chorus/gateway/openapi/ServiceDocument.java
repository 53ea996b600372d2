package org.chorus.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's own OpenAPI document, as the service served it.
 *
 * @param service the service's name in the gateway's configuration
 * @param document the parsed document
 */
public record ServiceDocument(String service, ObjectNode document) {
}
