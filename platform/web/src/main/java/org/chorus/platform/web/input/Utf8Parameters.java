package org.chorus.platform.web.input;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a query or path parameter whose percent-escapes are not UTF-8 (RFC 3986 2.5): they are decoded with U+FFFD
 * in place of what cannot be read, so {@code ?place=Ynys%20M%F4n} (Latin-1) looked for a place no code can name and
 * answered an empty page, and {@code /places/Caf%E9} a 404, where the caller's encoding was what was wrong.
 */
public class Utf8Parameters {

    static final String RULE = "is not UTF-8 once its percent-escapes are decoded; percent-encode text as UTF-8, as "
            + "RFC 3986 asks";

    /** Before {@link NulCharacterFilter} and {@link ParameterForms}, which read the decoded parameters. */
    @ServerRequestFilter(priority = Priorities.USER - 110)
    public void refuseOtherEncodings(ContainerRequestContext request, HttpServerRequest http) {
        if (http.uri().indexOf('%') < 0) {
            // Nearly every request: nothing was percent-encoded, so nothing can decode to U+FFFD.
            return;
        }
        String query = http.query();
        if (query != null && query.indexOf('%') >= 0) {
            for (String parameter : query.split("&")) {
                if (!decodesAsUtf8(parameter)) {
                    String name = parameter.substring(0, parameter.indexOf('=') < 0 ? parameter.length()
                            : parameter.indexOf('='));
                    throw ProblemException.invalidParameter(
                            decodesAsUtf8(name) ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name, RULE);
                }
            }
        }
        String path = http.path();
        if (path.indexOf('%') >= 0 && !decodesAsUtf8(path)) {
            // RESTEasy Reactive gives no encoded path parameters: the one decoded with U+FFFD is the one sent so.
            String name = request.getUriInfo().getPathParameters().entrySet().stream()
                    .filter(parameter -> parameter.getValue().stream().anyMatch(value -> value.indexOf('\uFFFD') >= 0))
                    .map(Map.Entry::getKey).findFirst().orElse("path");
            throw ProblemException.invalidParameter(name, RULE);
        }
    }

    /** Whether the bytes its escapes stand for, with the characters between them, are well-formed UTF-8. */
    static boolean decodesAsUtf8(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 4);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            int high = i + 2 < encoded.length() && c == '%' ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(encoded.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
