package org.chorus.platform.lock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Locks on a name for the rest of the caller's transaction, for a check before an insert that has no row to lock. */
@ApplicationScoped
public class NamedLocks {

    private final EntityManager entityManager;

    public NamedLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Waits until no other transaction holds the name, then holds it until this one ends: two requests that both
     * checked that nothing stored has a value, then both stored it, made the second a unique violation (a 500); now
     * the second checks after the first committed, and hears what a later request would.
     *
     * @param name what is claimed, prefixed with what it is unique among, e.g. {@code place-code/blackpool}
     */
    public void hold(String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name).getSingleResult();
    }

    /**
     * Holds the name alongside other sharers until this transaction ends, waiting for one that {@link #hold holds} it:
     * for work that many may do at once but none while the holder changes what that work depends on.
     */
    public void share(String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(hashtextextended(:name, 0))")
                .setParameter("name", name).getSingleResult();
    }
}
