package org.chorus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Reads every JSON answer the shared system gives the end-to-end tests against the schema the OpenAPI document gives
 * it, so that each test that reads an answer checks the contract partners code against too: a status the document
 * lists with no JSON body there is refused as well, since a client generated from it would drop the body. An answer
 * with a status the document does not list at all is left to the test that asked for it. A JSON body the API
 * accepted is read against the operation's documented body schema too.
 */
final class DocumentedAnswers implements Filter {

    private final Supplier<String> document;
    private volatile DocumentedSchemas schemas;

    DocumentedAnswers(Supplier<String> document) {
        this.document = document;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        String mediaType = answer.contentType();
        if (!mediaType.startsWith("application/json") && !mediaType.startsWith("application/problem+json")) {
            return answer;
        }
        schemas().operation(request.getMethod(), URI.create(request.getURI()).getPath()).ifPresent(operation -> {
            if (schemas().lists(operation, answer)) {
                assertDocumented(operation, answer);
            }
            if (answer.statusCode() / 100 == 2 && request.getBody() instanceof String body && !body.isBlank()) {
                assertAcceptedBodyDocumented(operation, body);
            }
        });
        return answer;
    }

    private void assertAcceptedBodyDocumented(String operation, String body) {
        try {
            assertEquals(List.of(), schemas().bodyRefusals(operation, body),
                    operation + " accepted a body its documented schema refuses: " + body);
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " accepted a body that is not JSON", e);
        }
    }

    private void assertDocumented(String operation, Response answer) {
        try {
            assertEquals(List.of(), schemas().refusals(operation, answer),
                    operation + " answered " + answer.statusCode() + " unlike its documented schema: "
                            + answer.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " answered what is not JSON", e);
        }
    }

    private DocumentedSchemas schemas() {
        if (schemas == null) {
            synchronized (this) {
                if (schemas == null) {
                    try {
                        schemas = DocumentedSchemas.of(document.get());
                    } catch (IOException e) {
                        throw new UncheckedIOException("The OpenAPI document is not JSON", e);
                    }
                }
            }
        }
        return schemas;
    }
}
