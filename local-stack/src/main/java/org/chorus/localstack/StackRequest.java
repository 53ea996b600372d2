package org.chorus.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * `./chorus up` on a running stack: asks its supervisor to stop services before they are rebuilt, or to bring every
 * service up to date after (see {@link StackRequests}). Prints what was done; exits 1 if not all of it could be.
 */
public final class StackRequest {

    /** Long enough for every service to start one after the other on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private StackRequest() {
    }

    /** Arguments: the stack's home, {@code stop} or {@code refresh}, then the services. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: StackRequest <home> stop|refresh <service>...");
            System.exit(2);
        }
        StackHome home = new StackHome(Path.of(args[0]).toAbsolutePath());
        StackRequests.Verb verb = StackRequests.Verb.valueOf(args[1].toUpperCase(Locale.ROOT));
        List<ChorusService> services = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            services.add(ChorusService.named(args[i]));
        }
        Optional<ProcessHandle> supervisor = StackStatus.supervisor(home);
        if (supervisor.isEmpty()) {
            System.err.println("Chorus is not running; ./chorus up starts it.");
            System.exit(1);
        }
        if (!StackRequests.answeredBy(home, supervisor.get())) {
            System.err.println("This stack's supervisor was started by an older local stack, which cannot restart one "
                    + "service; ./chorus down, then ./chorus up.");
            System.exit(1);
        }
        Optional<StackRequests.Answer> answer = StackRequests.ask(home, verb, services, TIMEOUT, supervisor.get());
        if (answer.isEmpty()) {
            System.err.println("The supervisor did not answer within " + TIMEOUT.toMinutes() + " min, or stopped; see "
                    + home.log("local-stack"));
            System.exit(1);
        }
        answer.get().lines().forEach(line -> System.out.println("  " + line));
        System.exit(answer.get().ok() ? 0 : 1);
    }
}
