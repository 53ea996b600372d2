package org.chorus.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.HdrHistogram.Histogram;

/**
 * What the gateway adds to a cheap read: the same GET of the open survey, sequentially, through the gateway with an
 * analyst's API key and directly on the survey service with the internal token the gateway would send for that key.
 * The two alternate in short rounds, so that whatever else the machine does falls on both alike.
 */
final class OverheadBench {

    private static final int PER_ROUND = 200;
    private static final int WARM_UP_ROUNDS = 10;

    record Result(Histogram gatewayMicros, Histogram directMicros, int bodyBytes) {
    }

    private OverheadBench() {
    }

    static Result run(BenchStack bench, int requests) throws Exception {
        String path = "/api/v1/surveys/" + bench.surveyId();
        BenchClient gatewayClient = bench.gateway();
        BenchClient serviceClient = bench.surveyServiceDirectly();
        HttpRequest throughGateway = gatewayClient.get(path, bench.analyst().bearer());
        Histogram gateway = new Histogram(3);
        Histogram direct = new Histogram(3);
        // At least one measured round: fewer requests than a round measured nothing and printed 0.00 ms as met.
        int measuredRounds = Math.max(1, (requests + PER_ROUND - 1) / PER_ROUND);
        for (int round = 0; round < WARM_UP_ROUNDS + measuredRounds; round++) {
            // A token per round as the gateway renews its own; signing is outside the timed calls, as it mostly is there.
            HttpRequest directly = serviceClient.get(path, serviceClient.bearer(bench.organisationId(),
                    bench.analyst().id(), "secret", "exports:read"));
            boolean measured = round >= WARM_UP_ROUNDS;
            if (round % 2 == 0) {
                time(gatewayClient, throughGateway, measured ? gateway : null);
                time(serviceClient, directly, measured ? direct : null);
            } else {
                time(serviceClient, directly, measured ? direct : null);
                time(gatewayClient, throughGateway, measured ? gateway : null);
            }
        }
        int bodyBytes = gatewayClient.send(throughGateway).body().getBytes(StandardCharsets.UTF_8).length;
        return new Result(gateway, direct, bodyBytes);
    }

    /** One round of sequential calls, recorded unless it warms up. */
    private static void time(BenchClient client, HttpRequest request, Histogram into) throws Exception {
        for (int i = 0; i < PER_ROUND; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.exchange(request);
            long micros = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            if (into != null) {
                into.recordValue(micros);
            }
        }
    }
}
