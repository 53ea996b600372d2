package org.chorus.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs a step once the current transaction has committed, e.g. waking a worker whose work that commit created. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Does nothing when the transaction rolls back: there is then nothing new to work on. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable step) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    step.run();
                }
            }
        });
    }
}
