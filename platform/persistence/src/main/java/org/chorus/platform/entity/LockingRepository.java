package org.chorus.platform.entity;

import java.util.Collection;
import java.util.List;
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
     * The records with these ids, locked until the transaction ends and read as they are once locked. They are taken
     * in the order of their ids, so that two transactions locking overlapping sets wait rather than deadlock.
     */
    default List<E> listForUpdate(Collection<UUID> ids) {
        return find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The records with these ids, each kept from changing as by {@link #findForShare}, taken in id order. */
    default List<E> listForShare(Collection<UUID> ids) {
        return find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_READ).list();
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
