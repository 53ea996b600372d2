package org.chorus.platform.entity;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * A Panache repository of records that requests change: a change reads its record through {@link #findForUpdate},
 * so that two changes of one record run one after the other instead of the second failing on its version.
 *
 * @param <E> the entity, keyed by a UUID
 */
public interface LockingRepository<E> extends PanacheRepositoryBase<E, UUID> {

    /** The record, locked until the transaction ends. */
    default Optional<E> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The record, kept from changing until the transaction ends ({@code FOR SHARE}), for a change of another record
     * checked against it: the check stays true until the change commits, and changes checked against the same record
     * do not wait for each other.
     */
    default Optional<E> findForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }
}
