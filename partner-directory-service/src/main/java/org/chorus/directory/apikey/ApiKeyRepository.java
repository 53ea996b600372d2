package org.chorus.directory.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.entity.LockingRepository;

/** Queries over API keys, paged by (creation time, id) within an organisation. */
@ApplicationScoped
public class ApiKeyRepository implements LockingRepository<ApiKeyEntity> {

    public Optional<ApiKeyEntity> findBySecretHash(String hash) {
        return find("secretHash", hash).firstResultOptional();
    }

    public List<ApiKeyEntity> listByOrganisation(UUID organisationId, Instant afterCreated, UUID afterId, int limit) {
        if (afterId == null) {
            return find("organisationId = ?1 order by createdAt, id", organisationId).page(0, limit).list();
        }
        return find("organisationId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                organisationId, afterCreated, afterId).page(0, limit).list();
    }

    /** The organisation of the key, read without loading the key, which the caller is about to lock. */
    public Optional<UUID> organisationOf(UUID keyId) {
        return getEntityManager().createQuery("select organisationId from ApiKeyEntity where id = :id", UUID.class)
                .setParameter("id", keyId).getResultStream().findFirst();
    }

    public List<ApiKeyEntity> listUsable(UUID organisationId) {
        return list("organisationId = ?1 and revokedAt is null", organisationId);
    }
}
