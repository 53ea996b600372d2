package org.chorus.gateway.openapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Builds the one document callers see from the services' documents. Rules, in service order (by name):
 * <ul>
 * <li>a path is kept only if the gateway routes it to the service that documents it; the first service wins a path;
 * <li>components of every kind are united; identical ones under one name are kept once; when a later service defines a
 * different component under a name already taken, its component is renamed to the service's name followed by the
 * original name (e.g. {@code SurveyOrganisation}) and every reference to it in that service's document follows;
 * <li>the services' own security schemes describe the internal token, which callers never see, so they are replaced
 * by one bearer scheme (the API key) required everywhere; an operation's own requirement keeps its scopes (the key
 * scopes it needs) under that scheme;
 * <li>an operation a publishable key may call answers the gateway's own 429 as well ({@link RateLimitResponses}).
 * </ul>
 */
public final class OpenApiMerger {

    static final String SECURITY_SCHEME = "apiKey";
    private static final String COMPONENT_REF = "#/components/";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    /**
     * @param documents the services' documents in service order
     * @param routed whether the gateway routes a path to a service
     */
    public static ObjectNode merge(List<ServiceDocument> documents, BiPredicate<String, String> routed) {
        return merge(documents, routed, Optional.empty());
    }

    /**
     * @param server where callers reach the gateway, named as the document's one server so that a client generated
     *        from a saved copy calls it; without one, clients read paths under the address they fetched it from
     */
    public static ObjectNode merge(List<ServiceDocument> documents, BiPredicate<String, String> routed,
            Optional<URI> server) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", documents.isEmpty() ? "3.1.0" : documents.get(0).document().path("openapi").asText("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Chorus API");
        info.put("version", documents.isEmpty() ? "1.0" : documents.get(0).document().path("info").path("version").asText("1.0"));
        info.put("description", "The engagement data platform of the partnership, through its gateway. Every operation "
                + "needs an API key, sent as 'Authorization: Bearer <key>'.");
        server.ifPresent(url -> merged.putArray("servers").addObject().put("url", url.toString())
                .put("description", "The Chorus gateway"));
        ArrayNode tags = JSON.arrayNode();
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = JSON.objectNode();
        for (ServiceDocument source : documents) {
            ObjectNode document = source.document().deepCopy();
            mergeComponents(source.service(), document, components);
            mergePaths(source.service(), document, paths, routed);
            mergeTags(document, tags);
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        ObjectNode scheme = JSON.objectNode()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("description", "An API key issued by the partner directory");
        components.putObject("securitySchemes").set(SECURITY_SCHEME, scheme);
        merged.set("components", components);
        merged.putArray("security").addObject().putArray(SECURITY_SCHEME);
        RateLimitResponses.document(merged);
        return merged;
    }

    private static void mergeComponents(String service, ObjectNode document, ObjectNode merged) {
        JsonNode own = document.path("components");
        if (!own.isObject()) {
            return;
        }
        ((ObjectNode) own).remove("securitySchemes");
        Map<String, String> renames = renames(service, (ObjectNode) own, merged);
        rewriteRefs(document, renames);
        for (Iterator<Map.Entry<String, JsonNode>> kinds = own.fields(); kinds.hasNext();) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (!kind.getValue().isObject()) {
                continue;
            }
            ObjectNode target = merged.has(kind.getKey()) ? (ObjectNode) merged.get(kind.getKey()) : merged.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(component -> {
                String ref = COMPONENT_REF + kind.getKey() + "/" + component.getKey();
                String name = renames.containsKey(ref) ? lastSegment(renames.get(ref)) : component.getKey();
                if (!target.has(name)) {
                    target.set(name, component.getValue());
                }
            });
        }
    }

    /**
     * Decides which of the service's components clash with ones already merged. Renaming one component changes the
     * references inside others, which may then clash in turn, so this repeats until nothing new clashes.
     */
    private static Map<String, String> renames(String service, ObjectNode own, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            ObjectNode rewritten = own.deepCopy();
            rewriteRefs(rewritten, renames);
            for (Iterator<Map.Entry<String, JsonNode>> kinds = rewritten.fields(); kinds.hasNext();) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                JsonNode taken = merged.path(kind.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String ref = COMPONENT_REF + kind.getKey() + "/" + component.getKey();
                    JsonNode existing = taken.get(component.getKey());
                    if (!renames.containsKey(ref) && existing != null && !existing.equals(component.getValue())) {
                        renames.put(ref, COMPONENT_REF + kind.getKey() + "/"
                                + freeName(service, component.getKey(), taken, kind.getValue()));
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String freeName(String service, String name, JsonNode taken, JsonNode own) {
        String base = service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1) + name;
        String candidate = base;
        for (int n = 2; taken.has(candidate) || own.has(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static void mergePaths(String service, ObjectNode document, ObjectNode merged, BiPredicate<String, String> routed) {
        document.path("paths").fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            if (merged.has(path) || !routed.test(path, service) || !entry.getValue().isObject()) {
                return;
            }
            ObjectNode item = (ObjectNode) entry.getValue();
            item.fields().forEachRemaining(operation -> {
                if (OPERATIONS.contains(operation.getKey()) && operation.getValue().isObject()) {
                    renameSecurityScheme((ObjectNode) operation.getValue());
                }
            });
            merged.set(path, item);
        });
    }

    /** Keeps the scopes an operation requires, under the gateway's one scheme whatever the service called its own. */
    private static void renameSecurityScheme(ObjectNode operation) {
        JsonNode requirements = operation.path("security");
        if (!requirements.isArray()) {
            operation.remove("security");
            return;
        }
        ArrayNode renamed = JSON.arrayNode();
        for (JsonNode requirement : requirements) {
            Set<String> scopes = new java.util.TreeSet<>();
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(scope -> scopes.add(scope.asText())));
            ArrayNode list = renamed.addObject().putArray(SECURITY_SCHEME);
            scopes.forEach(list::add);
        }
        operation.set("security", renamed);
    }

    private static void mergeTags(ObjectNode document, ArrayNode merged) {
        Set<String> known = new HashSet<>();
        merged.forEach(tag -> known.add(tag.path("name").asText()));
        document.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                merged.add(tag);
            }
        });
    }

    /** Points references (and discriminator mappings, which hold the same strings) at renamed components. */
    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && renames.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(renames.get(value.asText())));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isTextual() && renames.containsKey(value.asText())) {
                    ((ArrayNode) node).set(i, TextNode.valueOf(renames.get(value.asText())));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        }
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
