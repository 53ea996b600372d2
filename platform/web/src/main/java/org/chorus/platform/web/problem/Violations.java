package org.chorus.platform.web.problem;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/**
 * Maps Bean Validation failures of a resource method to field errors: a rule broken inside the body becomes a JSON
 * Pointer (422), a broken query or path parameter names the parameter (400), and a body that is missing is a 400 as a
 * body that is not JSON is.
 */
final class Violations {

    private Violations() {
    }

    static ProblemException toProblem(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        boolean bodyOnly = true;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            FieldError error = toError(violation);
            bodyOnly &= error.pointer() != null;
            errors.add(error);
        }
        errors.sort(Comparator.comparing(Violations::sortKey));
        if (errors.stream().anyMatch(error -> "".equals(error.pointer()))) {
            // the body as a whole: a field's rule cannot be told of a body that is not there
            return ProblemException.badRequest("malformed-body", "Request body is not valid",
                    "The body must be a JSON object; the request has none, or it is null", List.of());
        }
        if (bodyOnly) {
            return ProblemException.invalid(errors);
        }
        String detail = errors.size() == 1 ? ProblemException.describe(errors.get(0))
                : errors.size() + " parameters are not valid";
        return ProblemException.badRequest("invalid-parameter", "Request parameter is not valid", detail, errors);
    }

    private static FieldError toError(ConstraintViolation<?> violation) {
        String beanParameter = beanParameterName(violation);
        if (beanParameter != null) {
            return FieldError.parameter(beanParameter, violation.getMessage());
        }
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        String parameter = null;
        StringBuilder pointer = new StringBuilder();
        boolean inBody = false;
        for (Path.Node node : nodes) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                inBody = true;
                appendIndex(pointer, node);
                if (node.getKind() == ElementKind.PROPERTY) {
                    pointer.append('/').append(JsonPointers.escape(node.getName()));
                }
            }
        }
        if (inBody) {
            return FieldError.body(pointer.toString(), violation.getMessage());
        }
        if (parameter != null && parameter.equals("body")) {
            return FieldError.body("", violation.getMessage());
        }
        return FieldError.parameter(parameter, violation.getMessage());
    }

    /** A field of a {@code @BeanParam} class is a query, header or path parameter, not part of the body. */
    private static String beanParameterName(ConstraintViolation<?> violation) {
        Object leaf = violation.getLeafBean();
        String property = null;
        for (Path.Node node : violation.getPropertyPath()) {
            property = node.getName();
        }
        if (leaf == null || property == null) {
            return null;
        }
        try {
            Field field = leaf.getClass().getDeclaredField(property);
            QueryParam query = field.getAnnotation(QueryParam.class);
            if (query != null) {
                return query.value();
            }
            HeaderParam header = field.getAnnotation(HeaderParam.class);
            return header != null ? header.value() : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static void appendIndex(StringBuilder pointer, Path.Node node) {
        if (node.getIndex() != null) {
            pointer.append('/').append(node.getIndex());
        } else if (node.getKey() != null) {
            pointer.append('/').append(JsonPointers.escape(node.getKey().toString()));
        }
    }

    private static String sortKey(FieldError error) {
        return error.pointer() != null ? error.pointer() : "?" + error.parameter();
    }
}
