package org.chorus.platform.web.input;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.chorus.platform.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Checks the form of typed path and query parameters (ids, dates, times, numbers, enum values) before JAX-RS
 * converts them: its own conversion failure is a bare 404 without the parameter's name, so a caller who sent
 * {@code ?from=yesterday} could not tell which parameter was wrong. Two more mistakes JAX-RS would pass over
 * quietly are refused as a JSON body's are: a query parameter the operation does not take ({@code ?chanel=ONLINE}
 * would export every channel), and one of one value given twice ({@code ?by=place&by=channel}, of which JAX-RS takes
 * the first), since which was meant is the caller's to say. The same holds for a declared header of one value, such
 * as two Idempotency-Key lines.
 */
public class ParameterForms {

    /**
     * A parameter's name, where it is, and how its values are read.
     *
     * @param nearest for a value the reader refused, what it was near ("; did you mean DONE?"), or nothing
     */
    private record Form(String name, boolean inPath, Function<String, ?> reader, String rule,
            Function<String, String> nearest) {

        Form(String name, boolean inPath, Function<String, ?> reader, String rule) {
            this(name, inPath, reader, rule, value -> "");
        }
    }

    static final String ONCE = "must be given once";

    static final String NAMELESS = "has no name before its '='; a query parameter is name=value";

    /**
     * The query parameters an operation takes, of those the ones that hold one value (not a collection), and the
     * headers it declares that hold one value.
     */
    private record Declared(Set<String> names, Set<String> single, Set<String> singleHeaders) {

        String unknownRule() {
            return names.isEmpty() ? "is not a parameter of this operation, which takes none"
                    : "is not a parameter of this operation; its parameters are " + new TreeSet<>(names);
        }
    }

    private final Map<Method, Declared> declarations = new ConcurrentHashMap<>();

    private final Map<Method, List<Form>> forms = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseMalformed(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared declared = declarations.computeIfAbsent(method, ParameterForms::declaredOf);
        refuseNameless(http.query());
        refuseUnknownOrRepeated(request.getUriInfo().getQueryParameters(), declared);
        // Vert.x's own headers: the JAX-RS view of them is a copy built on first use.
        for (String header : declared.singleHeaders()) {
            if (http.headers().getAll(header).size() > 1) {
                throw ProblemException.invalidParameter(header, ONCE);
            }
        }
        for (Form form : forms.computeIfAbsent(method, ParameterForms::formsOf)) {
            MultivaluedMap<String, String> parameters = form.inPath() ? request.getUriInfo().getPathParameters()
                    : request.getUriInfo().getQueryParameters();
            for (String value : parameters.getOrDefault(form.name(), List.of())) {
                if (!readable(form, value)) {
                    throw ProblemException.invalidParameter(form.name(), form.rule() + form.nearest().apply(value));
                }
            }
        }
    }

    /** RESTEasy reads {@code ?=1} as a parameter named "1", which would name the value as what was wrong. */
    private static void refuseNameless(String query) {
        if (query == null || !(query.startsWith("=") || query.contains("&="))) {
            return;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("=")) {
                throw ProblemException.invalidParameter(parameter, NAMELESS);
            }
        }
    }

    private static void refuseUnknownOrRepeated(MultivaluedMap<String, String> given, Declared declared) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (!declared.names().contains(parameter.getKey())) {
                throw ProblemException.invalidParameter(parameter.getKey(), declared.unknownRule());
            }
            if (parameter.getValue().size() > 1 && declared.single().contains(parameter.getKey())) {
                throw ProblemException.invalidParameter(parameter.getKey(), ONCE);
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

    private static Declared declaredOf(Method method) {
        Set<String> names = new HashSet<>();
        Set<String> single = new HashSet<>();
        Set<String> singleHeaders = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            addQuery(parameter, parameter.getType(), names, single);
            addHeader(parameter, parameter.getType(), singleHeaders);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    addQuery(field, field.getType(), names, single);
                    addHeader(field, field.getType(), singleHeaders);
                }
            }
        }
        return new Declared(Set.copyOf(names), Set.copyOf(single), Set.copyOf(singleHeaders));
    }

    private static void addQuery(AnnotatedElement element, Class<?> type, Set<String> names, Set<String> single) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
            if (holdsOne(type)) {
                single.add(query.value());
            }
        }
    }

    private static void addHeader(AnnotatedElement element, Class<?> type, Set<String> singleHeaders) {
        HeaderParam header = element.getAnnotation(HeaderParam.class);
        if (header != null && holdsOne(type)) {
            singleHeaders.add(header.value());
        }
    }

    private static boolean holdsOne(Class<?> type) {
        return !Collection.class.isAssignableFrom(type) && !type.isArray();
    }

    private static void add(AnnotatedElement element, Class<?> type, List<Form> forms) {
        PathParam path = element.getAnnotation(PathParam.class);
        QueryParam query = element.getAnnotation(QueryParam.class);
        String name = path != null ? path.value() : query != null ? query.value() : null;
        if (name == null) {
            return;
        }
        if (type == UUID.class) {
            forms.add(new Form(name, path != null, WrittenUuids::parse, WrittenUuids.RULE));
        } else if (type == LocalDate.class) {
            forms.add(new Form(name, path != null, ParameterForms::date,
                    "must be a date, e.g. 2024-05-01, in the years PostgreSQL can hold"));
        } else if (type == Instant.class) {
            forms.add(new Form(name, path != null, ParameterForms::instant,
                    "must be a time in UTC, e.g. 2024-05-01T09:30:00Z, in the years PostgreSQL can hold",
                    ParameterForms::startOfDay));
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            forms.add(new Form(name, path != null, type == int.class || type == Integer.class ? Integer::valueOf
                    : Long::valueOf, "must be a whole number"));
        } else if (type.isEnum() && !hasOwnReader(type)) {
            Object[] values = type.getEnumConstants();
            forms.add(new Form(name, path != null, value -> enumValue(values, value),
                    "must be one of " + Arrays.toString(values), Vocabulary.ofEnum(type)::didYouMean));
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

    /** For a date given where a time is read ("2024-05-01"), how to write the start of that day. */
    private static String startOfDay(String value) {
        try {
            return "; for the start of that day in UTC, " + LocalDate.parse(value) + "T00:00:00Z";
        } catch (DateTimeParseException e) {
            return "";
        }
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
