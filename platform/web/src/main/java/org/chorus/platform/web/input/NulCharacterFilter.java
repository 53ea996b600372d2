package org.chorus.platform.web.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character in a query or path parameter before any handler sees it: PostgreSQL refuses NUL in text,
 * so the query it reached would fail with a 500 instead of telling the caller which parameter was wrong.
 */
public class NulCharacterFilter {

    /** Before {@link ParameterForms}, so that a parameter name holding NUL is never echoed in a problem as it came. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void refuseNul(ContainerRequestContext request) {
        refuseIn(request.getUriInfo().getQueryParameters());
        refuseIn(request.getUriInfo().getPathParameters());
    }

    private static void refuseIn(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                String name = parameter.getKey().replace('\0', '?');
                throw ProblemException.invalidParameter(name, StorableText.NUL_RULE);
            }
        }
    }
}
