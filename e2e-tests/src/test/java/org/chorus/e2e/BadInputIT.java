package org.chorus.e2e;

import static java.nio.file.Files.writeString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chorus.badinput.ApiOperation;
import org.chorus.badinput.BadInputRun;
import org.chorus.badinput.BadRequests;
import org.chorus.badinput.Fixture;
import org.chorus.badinput.Gateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated bad requests across every operation of the merged OpenAPI document, through the gateway, by a real
 * organisation's key that reaches the handlers: every answer is a 4xx problem (or the input was acceptable), never a
 * 5xx, and a 400 or 422 names the field or parameter that was wrong. A fixed seed keeps the same cases on every
 * build and a random one finds new ones; each prints its seed, and {@code -Dchorus.badinput.seed=<seed>} replays it.
 */
class BadInputIT {

    static final long FIXED_SEED = 20_261_201L;
    private static final int CASES = Integer.getInteger("chorus.badinput.cases", 1_000);

    private static Gateway gateway;
    private static BadRequests generator;

    @BeforeAll
    static void fixture() {
        gateway = new Gateway(SystemUnderTest.stack().gatewayUrl());
        Fixture fixture = Fixture.create(gateway, SystemUnderTest.admin());
        generator = new BadRequests(ApiOperation.of(gateway.openApi()), fixture);
    }

    @Test
    void everyBadRequestOfTheFixedSeedIsAProblemNamingWhatWasWrong() throws IOException {
        BadInputRun run = check(FIXED_SEED, CASES);
        List<ApiOperation> operations = generator.operations();
        assertTrue(operations.size() >= 40, "operations found in the merged document: " + operations.size());
        Set<String> documented = new TreeSet<>(operations.stream().map(ApiOperation::name).toList());
        assertEquals(documented, new TreeSet<>(run.operationsCalled()),
                "operations the fixed seed's " + CASES + " cases call");
    }

    @Test
    void everyBadRequestOfARandomSeedIsAProblemNamingWhatWasWrong() throws IOException {
        check(Long.getLong("chorus.badinput.seed", new SecureRandom().nextLong()), CASES);
    }

    private static BadInputRun check(long seed, int cases) throws IOException {
        System.out.println("BadInputIT seed " + seed + " (replay with -Dchorus.badinput.seed=" + seed + ")");
        BadInputRun run = BadInputRun.run(gateway, generator, seed, cases);
        Path report = Path.of("target", "bad-input-" + seed + ".txt");
        writeString(report, run.report() + "\n");
        System.out.println(run.summary() + "; by operation in " + report);
        assertEquals(cases, run.cases(), "cases sent");
        assertTrue(run.failures().isEmpty(), run.failures().size() + " of " + cases + " answers with seed " + seed
                + " broke the rule (replay with -Dchorus.badinput.seed=" + seed + "):\n"
                + String.join("\n", run.failures().subList(0, Math.min(40, run.failures().size()))));
        return run;
    }
}
