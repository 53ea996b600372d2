package org.chorus.platform.web.input;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the form of typed path and query parameters (ids, dates, times, numbers, enum values) before JAX-RS
 * converts them: its own conversion failure is a bare 404 without the parameter's name, so a caller who sent
 * {@code ?from=yesterday} could not tell which parameter was wrong. A query parameter of one value given twice
 * ({@code ?by=place&by=channel}) is refused too: JAX-RS would quietly take the first, and which one was meant is the
 * caller's to say, as for a JSON field given twice.
 */
public class ParameterForms {

    /** A parameter's name, where it is, and how its values are read. */
    private record Form(String name, boolean inPath, Function<String, ?> reader, String rule) {
    }

    static final String ONCE = "must be given once";

    /** A query parameter that holds one value: the method's parameter is not a collection. */
    private record Single(String name) {
    }

    private final Map<Method, List<Single>> singles = new ConcurrentHashMap<>();

    private final Map<Method, List<Form>> forms = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseMalformed(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Single single : singles.computeIfAbsent(method, ParameterForms::singlesOf)) {
            if (query.getOrDefault(single.name(), List.of()).size() > 1) {
                throw ProblemException.invalidParameter(single.name(), ONCE);
            }
        }
        for (Form form : forms.computeIfAbsent(method, ParameterForms::formsOf)) {
            MultivaluedMap<String, String> parameters = form.inPath() ? request.getUriInfo().getPathParameters()
                    : request.getUriInfo().getQueryParameters();
            for (String value : parameters.getOrDefault(form.name(), List.of())) {
                if (!readable(form, value)) {
                    throw ProblemException.invalidParameter(form.name(), form.rule());
                }
            }
        }
    }

    private static boolean readable(Form form, String value) {
        try {
            form.reader().apply(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Form> formsOf(Method method) {
        List<Form> forms = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            add(parameter, parameter.getType(), forms);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    add(field, field.getType(), forms);
                }
            }
        }
        return List.copyOf(forms);
    }

    private static List<Single> singlesOf(Method method) {
        List<Single> singles = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            addSingle(parameter, parameter.getType(), singles);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    addSingle(field, field.getType(), singles);
                }
            }
        }
        return List.copyOf(singles);
    }

    private static void addSingle(AnnotatedElement element, Class<?> type, List<Single> singles) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null && !Collection.class.isAssignableFrom(type) && !type.isArray()) {
            singles.add(new Single(query.value()));
        }
    }

    private static void add(AnnotatedElement element, Class<?> type, List<Form> forms) {
        PathParam path = element.getAnnotation(PathParam.class);
        QueryParam query = element.getAnnotation(QueryParam.class);
        String name = path != null ? path.value() : query != null ? query.value() : null;
        if (name == null) {
            return;
        }
        if (type == UUID.class) {
            forms.add(new Form(name, path != null, UUID::fromString, "must be a UUID"));
        } else if (type == LocalDate.class) {
            forms.add(new Form(name, path != null, ParameterForms::date,
                    "must be a date, e.g. 2024-05-01, in the years PostgreSQL can hold"));
        } else if (type == Instant.class) {
            forms.add(new Form(name, path != null, ParameterForms::instant,
                    "must be a time in UTC, e.g. 2024-05-01T09:30:00Z, in the years PostgreSQL can hold"));
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            forms.add(new Form(name, path != null, type == int.class || type == Integer.class ? Integer::valueOf
                    : Long::valueOf, "must be a whole number"));
        } else if (type.isEnum() && !hasOwnReader(type)) {
            Object[] values = type.getEnumConstants();
            forms.add(new Form(name, path != null, value -> enumValue(values, value),
                    "must be one of " + Arrays.toString(values)));
        }
    }

    /** A date PostgreSQL can hold: one it cannot fails the query as a 500. */
    private static LocalDate date(String value) {
        LocalDate date = LocalDate.parse(value);
        if (!PostgresRanges.holds(date)) {
            throw new IllegalArgumentException("beyond PostgreSQL's dates: " + value);
        }
        return date;
    }

    private static Instant instant(String value) {
        Instant time = Instant.parse(value);
        if (!PostgresRanges.holds(time)) {
            throw new IllegalArgumentException("beyond PostgreSQL's timestamps: " + value);
        }
        return time;
    }

    /** An enum with its own fromString reads values its own way: JAX-RS prefers that, and so do we. */
    private static boolean hasOwnReader(Class<?> type) {
        try {
            return Modifier.isStatic(type.getMethod("fromString", String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object enumValue(Object[] values, String value) {
        return Arrays.stream(values).filter(v -> ((Enum<?>) v).name().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(value));
    }
}
