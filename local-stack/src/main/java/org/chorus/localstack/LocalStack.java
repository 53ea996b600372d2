package org.chorus.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system as processes on this machine: the supervisor behind `./chorus up`, and the entry point of
 * the e2e tests ({@link #start(StackSettings)}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    /**
     * Starts PostgreSQL and Kafka, then the directory, survey and insight services, then the gateway, each waited for
     * until ready. On failure everything already started is stopped again before the exception is thrown.
     */
    public static RunningStack start(StackSettings settings) throws IOException, InterruptedException {
        RunningStack stack = new RunningStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * `./chorus up`: runs the default stack of the checkout given as argument until SIGTERM. With
     * {@code --stop-leftovers} first, only ends what a killed supervisor left running (`./chorus down`).
     */
    public static void main(String[] args) throws InterruptedException, IOException {
        boolean leftoversOnly = args.length > 0 && args[0].equals("--stop-leftovers");
        int rootArgument = leftoversOnly ? 1 : 0;
        Path repoRoot = args.length > rootArgument ? Path.of(args[rootArgument]) : StackSettings.findRepoRoot();
        StackSettings settings = StackSettings.defaults(repoRoot);
        if (leftoversOnly) {
            stopLeftovers(new StackHome(settings.home()));
            return;
        }
        run(settings);
    }

    private static void stopLeftovers(StackHome home) throws IOException {
        Optional<FileChannel> lock = home.tryLock();
        if (lock.isEmpty()) {
            Log.warn("a local stack is running in " + home.root() + "; stop it with ./chorus down");
            return;
        }
        try (FileChannel held = lock.get()) {
            Leftovers.stop(home);
        }
    }

    private static void run(StackSettings settings) throws InterruptedException {
        StackHome home = new StackHome(settings.home());
        Path pidFile = settings.home().resolve("local-stack.pid");
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Optional<FileChannel> lock = home.tryLock();
            if (lock.isEmpty()) {
                Log.warn("a local stack is already running in " + home.root());
                System.exit(2);
            }
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
            Log.info("supervisor pid " + ProcessHandle.current().pid() + ", home " + home.root());
            state(home, "STARTING");
            RunningStack stack = new RunningStack(settings, lock.get());
            StackRequests requests = new StackRequests(home, stack);
            Runtime.getRuntime().addShutdownHook(stopHook(home, stack, requests, pidFile, stopped));
            if (!start(home, stack, pidFile, stopped)) {
                return;
            }
            stack.restartFailedParts();
            requests.start();
            state(home, "UP");
            Log.info("up: gateway " + stack.gatewayUrl() + ", logs in " + home.logs()
                    + "; a service, the broker or PostgreSQL that exits, or a service whose liveness check says DOWN, is "
                    + "restarted; ./chorus up again rebuilds and restarts the services whose code changed");
        } catch (IOException e) {
            Log.warn("cannot run the local stack: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** Stops the stack on SIGTERM or Ctrl-C, and lets {@code run} return once it has. */
    private static Thread stopHook(StackHome home, RunningStack stack, StackRequests requests, Path pidFile,
            CountDownLatch stopped) {
        return new Thread(() -> {
            state(home, "STOPPING");
            // First, so that no request starts a service after the stack has stopped it.
            requests.stop();
            stack.close();
            state(home, "STOPPED");
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "chorus-supervisor-stop");
    }

    /**
     * Starts every process. False when a SIGTERM came during the start and the stop hook has stopped the stack; a
     * start that failed otherwise stops the stack and halts the supervisor with status 1.
     */
    private static boolean start(StackHome home, RunningStack stack, Path pidFile, CountDownLatch stopped)
            throws InterruptedException {
        try {
            stack.startAll();
            return true;
        } catch (Exception e) {
            if (stack.isClosing()) {
                // SIGTERM during the start: the shutdown hook is already stopping everything.
                stopped.await();
                return false;
            }
            Log.warn("start failed: " + e.getMessage());
            state(home, "FAILED " + oneLine(e.getMessage()));
            stack.close();
            deleteQuietly(pidFile);
            System.out.flush();
            // Let the `chorus` script read FAILED before the state is overwritten on the way out.
            Runtime.getRuntime().halt(1);
            return false;
        }
    }

    /** Whole, so that the polling script never reads half a line. */
    private static void state(StackHome home, String state) {
        try {
            StackFiles.writeWhole(home.stateFile(), state + "\n");
        } catch (IOException e) {
            Log.warn("could not write " + home.stateFile() + ": " + e.getMessage());
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replace('\n', ' ');
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // only a hint for the script, which also checks whether the pid is alive
        }
    }
}
