package org.chorus.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Sends a number of generated cases from one seed and counts the answers, by status and by operation, keeping every
 * case whose answer broke the rule with the seed and its position, so that it can be replayed.
 */
public final class BadInputRun {

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private final Map<Mutation, Map<Integer, Integer>> byMutation = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    /** Runs {@code count} cases generated from {@code seed} through the gateway. */
    public static BadInputRun run(Gateway gateway, BadRequests generator, long seed, int count) {
        BadInputRun run = new BadInputRun();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            BadRequest request = generator.next(random);
            Gateway.Answer answer = gateway.send(request.method(), request.pathAndQuery(), request.headers(),
                    request.body());
            run.count(request, answer, seed, i);
        }
        return run;
    }

    private void count(BadRequest request, Gateway.Answer answer, long seed, int position) {
        cases++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        byOperation.computeIfAbsent(request.operation(), name -> new TreeMap<>()).merge(answer.status(), 1,
                Integer::sum);
        byMutation.computeIfAbsent(request.mutation(), kind -> new TreeMap<>()).merge(answer.status(), 1,
                Integer::sum);
        String failure = Verdict.judge(request, answer);
        if (failure != null) {
            String body = answer.body().length() > 400 ? answer.body().substring(0, 400) + "..." : answer.body();
            failures.add("seed " + seed + " case " + position + ": " + failure + "\n    " + request.describe()
                    + "\n    answer: " + body);
        }
    }

    public int cases() {
        return cases;
    }

    /** The operations that were sent at least one case, by name. */
    public java.util.Set<String> operationsCalled() {
        return byOperation.keySet();
    }

    public List<String> failures() {
        return failures;
    }

    /** How many cases answered each status, and how many broke the rule, on one line for a test's log. */
    public String summary() {
        return cases + " cases; by status: " + byStatus + "; " + failures.size() + " answers broke the rule";
    }

    /** Counts by status, then by status for each kind of bad input and for each operation, one line each. */
    public String report() {
        StringBuilder report = new StringBuilder();
        report.append(cases).append(" cases; by status: ").append(byStatus).append('\n');
        report.append("by kind of bad input:\n");
        byMutation.forEach((kind, statuses) -> report.append(String.format("  %-60s %s%n", kind, statuses)));
        report.append("by operation:\n");
        byOperation.forEach((operation, statuses) -> report.append(String.format("  %-60s %s%n", operation, statuses)));
        report.append(failures.size()).append(" answers broke the rule");
        return report.toString();
    }
}
