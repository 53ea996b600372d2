package org.chorus.directory.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over API keys, paged by (creation time, id) within an organisation. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, UUID> {

    public Optional<ApiKeyEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

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

    public List<ApiKeyEntity> listUsable(UUID organisationId) {
        return list("organisationId = ?1 and revokedAt is null", organisationId);
    }
}
