package org.chorus.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Breaks what surrounds a body: a path or query parameter, a header, or who calls. */
final class RequestMutations {

    private static final List<String> HEADERS = List.of("If-Match", "Idempotency-Key", "Origin", "Accept",
            "Accept-Language", "If-None-Match", "X-Request-Id");

    private RequestMutations() {
    }

    static void apply(Mutation mutation, Draft draft, Fixture fixture, SplittableRandom random) {
        switch (mutation) {
            case BAD_PATH_PARAMETER -> badPathParameter(draft, random);
            case BAD_QUERY_PARAMETER -> {
                ApiOperation.Parameter parameter = OddValues.pick(random,
                        draft.operation.parameters(ApiOperation.Location.QUERY));
                draft.query.put(Draft.encode(parameter.name()), OddValues.queryValue(parameter.schema(), random));
                draft.target = parameter.name();
            }
            case UNKNOWN_QUERY_PARAMETER -> {
                String name = unknownQueryName(draft.operation.parameters(ApiOperation.Location.QUERY), random);
                draft.query.put(Draft.encode(name), "1");
                // A parameter with no name is named by what was sent: "1" would name its value.
                draft.target = name.isEmpty() ? "=1" : name;
            }
            case REPEATED_QUERY_PARAMETER -> repeatedQueryParameter(draft, random);
            case REPEATED_HEADER -> repeatedHeader(draft, fixture, random);
            case ODD_HEADER -> {
                List<String> names = new ArrayList<>(HEADERS);
                draft.operation.parameters(ApiOperation.Location.HEADER).forEach(p -> names.add(p.name()));
                String name = OddValues.pick(random, names);
                draft.headers.put(name, OddValues.headerValue(random));
                draft.target = name;
            }
            case BAD_CALLER -> caller(draft, fixture, random);
            default -> throw new IllegalArgumentException(mutation + " is about the body");
        }
    }

    private static void badPathParameter(Draft draft, SplittableRandom random) {
        ApiOperation.Parameter parameter = OddValues.pick(random,
                draft.operation.parameters(ApiOperation.Location.PATH));
        String value = OddValues.pathValue(random);
        draft.pathValues.put(parameter.name(), value);
        // The gateway refuses an encoded slash as a path it could read differently from a service, before any route
        // knows which parameter it is in.
        draft.target = value.equalsIgnoreCase("%2F") ? null : parameter.name();
    }

    private static void repeatedQueryParameter(Draft draft, SplittableRandom random) {
        ApiOperation.Parameter parameter = OddValues.pick(random,
                draft.operation.parameters(ApiOperation.Location.QUERY));
        String name = Draft.encode(parameter.name());
        String value = draft.query.getOrDefault(name, Draft.encode(Draft.validValue(parameter.schema())));
        // Sent as name=value&name=value: the query is joined as written.
        draft.query.put(name, value + "&" + name + "=" + value);
        draft.target = parameter.name();
    }

    /**
     * One of the headers Chorus reads as one value, sent again with a value it would accept on its own, so that
     * reading either line alone would be taken for a success: the website key beside the secret key, a second body
     * type, a second Idempotency-Key, Origin or request id.
     */
    private static void repeatedHeader(Draft draft, Fixture fixture, SplittableRandom random) {
        List<String> names = new ArrayList<>(List.of("Authorization", "Origin", "X-Request-Id"));
        if (draft.headers.containsKey("Content-Type")) {
            names.add("Content-Type");
        }
        draft.operation.parameters(ApiOperation.Location.HEADER).stream().map(ApiOperation.Parameter::name)
                .filter("Idempotency-Key"::equalsIgnoreCase).forEach(names::add);
        String name = OddValues.pick(random, names);
        switch (name) {
            case "Authorization" -> draft.secondLines.put(name, "Bearer " + fixture.publishableKey());
            case "Origin" -> {
                draft.headers.put(name, Fixture.ORIGIN);
                draft.secondLines.put(name, "https://elsewhere.example");
            }
            case "Content-Type" -> draft.secondLines.put(name, "application/json; charset=utf-8");
            default -> {
                draft.headers.put(name, "bad-input-" + random.nextInt(1_000_000));
                draft.secondLines.put(name, "bad-input-" + random.nextInt(1_000_000));
            }
        }
        draft.target = name;
    }

    /**
     * A misspelling of one of the operation's own parameters (its last letter dropped), else a common extra, or no
     * name at all ({@code ?=1}).
     */
    private static String unknownQueryName(List<ApiOperation.Parameter> own, SplittableRandom random) {
        List<String> names = own.stream().map(ApiOperation.Parameter::name).toList();
        if (!names.isEmpty() && random.nextBoolean()) {
            String name = OddValues.pick(random, names);
            String misspelt = name.length() > 1 ? name.substring(0, name.length() - 1) : name + name;
            return names.contains(misspelt) ? misspelt + "_" : misspelt;
        }
        String extra = OddValues.pick(random, List.of("expand", "fields", "utm_source", "chanel", "_", ""));
        return names.contains(extra) ? extra + "_" : extra;
    }

    private static void caller(Draft draft, Fixture fixture, SplittableRandom random) {
        String publishable = "Bearer " + fixture.publishableKey();
        switch (random.nextInt(6)) {
            case 0 -> draft.headers.remove("Authorization");
            case 1 -> draft.headers.put("Authorization", "Bearer chorus_sk_" + "0".repeat(40));
            case 2 -> draft.headers.put("Authorization", OddValues.pick(random, List.of("Basic YTpi", "Bearer",
                    "Bearer  ", "bearer x", "Bearer " + "x".repeat(8000), "Token abc")));
            case 3 -> draft.headers.put("Authorization", publishable);
            case 4 -> {
                draft.headers.put("Authorization", publishable);
                draft.headers.put("Origin", OddValues.pick(random, List.of("https://evil.example", "null",
                        Fixture.ORIGIN + ".evil.example", "http://bad-input.example")));
            }
            default -> {
                // A revoked-looking key: the fixture's own with its last character changed.
                String key = fixture.secretKey();
                draft.headers.put("Authorization", "Bearer " + key.substring(0, key.length() - 1)
                        + (key.endsWith("a") ? "b" : "a"));
            }
        }
    }
}
