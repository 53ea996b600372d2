package org.chorus.localstack;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The stack's Kafka broker. It has no health endpoint, so it is ready when it accepts connections and live while its
 * process runs; a clean stop lets producers keep their events in their outboxes meanwhile.
 */
final class StackBroker extends SupervisedServer<KafkaBroker> {

    private final StackHome home;
    private final StackSettings settings;
    private final BooleanSupplier stackClosing;

    StackBroker(StackHome home, StackSettings settings, BooleanSupplier stackClosing) {
        super(KafkaBroker.NAME, stackClosing);
        this.home = home;
        this.settings = settings;
        this.stackClosing = stackClosing;
    }

    @Override
    protected KafkaBroker launch() throws IOException, InterruptedException {
        return KafkaBroker.start(home, settings, stackClosing);
    }

    @Override
    protected void shutDown(KafkaBroker running) {
        running.close();
    }

    /** Its next start recovers its logs. */
    @Override
    protected void abandon(KafkaBroker running) {
        running.kill();
    }

    @Override
    protected long pidOf(KafkaBroker running) {
        return running.pid();
    }

    @Override
    protected Optional<String> endOf(KafkaBroker running) {
        return running.isAlive() ? Optional.empty() : Optional.of("exited with code " + running.exitCode());
    }

    @Override
    protected String address(KafkaBroker running) {
        return running.bootstrapServers();
    }

    @Override
    public HealthProbe.Answer ready() {
        KafkaBroker running = running();
        return running != null && running.portOpen() ? HealthProbe.Answer.of(200)
                : HealthProbe.Answer.none("not listening");
    }

    @Override
    public HealthProbe.Answer live() {
        return HealthProbe.Answer.of(200);
    }
}
