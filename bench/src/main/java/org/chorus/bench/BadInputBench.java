package org.chorus.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.chorus.badinput.ApiOperation;
import org.chorus.badinput.BadInputRun;
import org.chorus.badinput.BadRequests;
import org.chorus.badinput.Fixture;
import org.chorus.badinput.Gateway;
import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.ThrowawayHomes;

/**
 * Sends 10,000 generated bad requests (e2e-tests' BadInputIT's generator) through a gateway and prints the answers'
 * counts by status, by kind of bad input and by operation, and every answer that was a 5xx, not a problem document,
 * or a 400/422 that did not name what was wrong. Against {@code ./chorus up} with {@code gateway=<url>
 * admin-key=<file>}, else on a stack of its own. Arguments: {@code cases=10000 seed=<n>}.
 */
public final class BadInputBench {

    private BadInputBench() {
    }

    public static void main(String[] args) {
        Arguments arguments = Arguments.parse(args);
        int cases = Integer.parseInt(arguments.get("cases", "10000"));
        long seed = Long.parseLong(arguments.get("seed", Long.toString(new SecureRandom().nextLong())));
        int status;
        try {
            status = arguments.has("gateway")
                    ? run(URI.create(arguments.get("gateway", null)), Files.readString(Path.of(arguments.get("admin-key",
                            ".chorus/bootstrap-admin-key"))).trim(), cases, seed)
                    : onItsOwnStack(cases, seed);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int onItsOwnStack(int cases, long seed) throws Exception {
        Path home = ThrowawayHomes.create("chorus-bad-input-bench-");
        System.out.println("stack home (data, keys, logs): " + home);
        try (RunningStack stack = LocalStack.start(StackSettings.forTests(home))) {
            return run(stack.gatewayUrl(), stack.bootstrapAdminKey(), cases, seed);
        }
    }

    /** @return the exit status: 1 when any answer broke the rule */
    private static int run(URI url, String adminKey, int cases, long seed) {
        Gateway gateway = new Gateway(url);
        BadRequests generator = new BadRequests(ApiOperation.of(gateway.openApi()), Fixture.create(gateway, adminKey));
        System.out.printf("bad input: %d cases, seed %d, %d operations, through %s%n", cases, seed,
                generator.operations().size(), url);
        long started = System.nanoTime();
        BadInputRun run = BadInputRun.run(gateway, generator, seed, cases);
        System.out.printf("%s%nin %.1f s%n", run.report(), (System.nanoTime() - started) / 1e9);
        run.failures().forEach(System.out::println);
        return run.failures().isEmpty() ? 0 : 1;
    }

    /** {@code name=value} words, as exec passes them in one argument or several. */
    private record Arguments(java.util.Map<String, String> values) {

        static Arguments parse(String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String word : String.join(" ", args).trim().split("\\s+")) {
                int equals = word.indexOf('=');
                if (equals > 0) {
                    values.put(word.substring(0, equals), word.substring(equals + 1));
                }
            }
            return new Arguments(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }
    }
}
