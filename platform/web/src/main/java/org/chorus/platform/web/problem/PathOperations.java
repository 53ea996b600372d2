package org.chorus.platform.web.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Which methods the operations at a path take, read once from the service's resources: the router refuses a method
 * with a bare 405 that does not say, and a 405 must name them (RFC 9110's Allow).
 */
@ApplicationScoped
public class PathOperations {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private final BeanManager beans;
    private volatile List<Operation> operations;

    public PathOperations(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods of the operations whose path template matches the path, with HEAD wherever GET is. */
    public Set<String> methodsAt(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new TreeSet<>();
        for (Operation operation : operations()) {
            if (operation.path().matcher(trimmed).matches()) {
                methods.add(operation.method());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        return methods;
    }

    private List<Operation> operations() {
        if (operations == null) {
            List<Operation> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                    found.addAll(operationsOf(bean.getBeanClass()));
                }
            }
            operations = List.copyOf(found);
        }
        return operations;
    }

    private static List<Operation> operationsOf(Class<?> resource) {
        List<Operation> found = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            // JAX-RS joins the class's and the method's paths, as Locations has it do for created resources
            UriBuilder path = UriBuilder.fromResource(resource);
            String template = (method.isAnnotationPresent(Path.class) ? path.path(method) : path).toTemplate();
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    found.add(new Operation(http.value(), regex(template)));
                }
            }
        }
        return found;
    }

    private static Pattern regex(String template) {
        String path = template.length() > 1 ? template.replaceAll("/$", "") : template;
        StringBuilder regex = new StringBuilder();
        int at = 0;
        var parameters = PARAMETER.matcher(path);
        while (parameters.find()) {
            regex.append(Pattern.quote(path.substring(at, parameters.start()))).append("[^/]+");
            at = parameters.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
    }

    private record Operation(String method, Pattern path) {
    }
}
