package org.chorus.directory.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.chorus.directory.organisation.OrganisationDeactivated;
import org.chorus.directory.organisation.OrganisationService;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.KeyKind;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Issues and revokes API keys, announcing each change on {@code directory.api-keys} so that the gateway's key cache
 * follows within a second.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApiKeyViews views;

    public ApiKeyService(ApiKeyRepository keys, OrganisationService organisations, Outbox outbox, AuditTrail audit,
            ApiKeyViews views) {
        this.keys = keys;
        this.organisations = organisations;
        this.outbox = outbox;
        this.audit = audit;
        this.views = views;
    }

    @Transactional
    public IssuedApiKey issue(UUID organisationId, ApiKeyInput input) {
        organisations.requireActive(organisationId, "organisationId");
        List<String> scopes = checkScopes(input.kind(), input.scopesOrEmpty());
        String secret = KeySecrets.newSecret(input.kind());
        return new IssuedApiKey(store(organisationId, input.name().strip(), input.kind(), scopes, input.expiresAt(),
                secret), secret);
    }

    /**
     * Issues a key with a secret chosen by the installation (the bootstrap administrator key) and revokes the usable
     * keys of that name it replaces: an installation changes the secret because the old one must stop working.
     */
    @Transactional
    public ApiKey replaceWithSecret(UUID organisationId, String name, List<String> scopes, String secret) {
        for (ApiKeyEntity previous : keys.listUsable(organisationId)) {
            if (previous.name.equals(name)) {
                revokeNow(previous, "replaced by a new bootstrap key");
            }
        }
        return store(organisationId, name, KeyKind.SECRET, scopes, null, secret);
    }

    @Transactional
    public boolean secretExists(String secret) {
        return keys.findBySecretHash(KeySecrets.hash(secret)).isPresent();
    }

    @Transactional
    public Page<ApiKey> list(UUID organisationId, int limit, String cursor) {
        organisations.get(organisationId);
        Cursor after = Cursor.decode(cursor);
        List<ApiKeyEntity> fetched = keys.listByOrganisation(organisationId,
                Cursor.instantOf(after), Cursor.idOf(after), limit + 1);
        return Page.of(fetched, limit, k -> new Cursor(k.createdAt.toString(), k.id).encode())
                .map(views::of);
    }

    @Transactional
    public ApiKey get(UUID keyId) {
        return views.of(keys.findByIdOptional(keyId).orElseThrow(() -> ProblemException.notFound("API key", keyId)));
    }

    /** Revokes a key; revoking a revoked key changes nothing and announces nothing. */
    @Transactional
    public ApiKey revoke(UUID keyId) {
        ApiKeyEntity key = locked(keyId);
        if (key.revokedAt == null) {
            revokeNow(key, "revoked");
        }
        return views.of(key);
    }

    /**
     * Issues a replacement with the same organisation, kind, name and scopes, and lets the old key work for a grace
     * period (never longer than it would have anyway), so a deployment can switch keys without an outage.
     */
    @Transactional
    public IssuedApiKey rotate(UUID keyId, RotationInput input) {
        // the organisation is held before the key, the order a deactivation takes them
        keys.organisationOf(keyId).ifPresent(organisation -> organisations.requireActive(organisation, null));
        ApiKeyEntity old = locked(keyId);
        // PostgreSQL keeps microseconds: the event must carry the expiry exactly as stored.
        Instant now = StoredTime.now();
        if (old.revokedAt != null || old.expiresAt != null && !old.expiresAt.isAfter(now)) {
            throw ProblemException.conflict("API key " + keyId + " is revoked or expired; issue a new key instead");
        }
        String secret = KeySecrets.newSecret(old.kind);
        ApiKey replacement = store(old.organisationId, old.name, old.kind, old.scopes, old.expiresAt, secret);
        Instant graceEnds = now.plusSeconds(60L * input.graceMinutesOrDefault());
        old.expiresAt = old.expiresAt == null || graceEnds.isBefore(old.expiresAt) ? graceEnds : old.expiresAt;
        announce(ChorusEventTypes.API_KEY_ROTATED, old);
        audit.record("api-key.rotated", "api-key", old.id,
                Map.of("replacementKeyId", replacement.id().toString(), "oldKeyExpiresAt", old.expiresAt.toString()));
        return new IssuedApiKey(replacement, secret);
    }

    void revokeAllOf(@Observes OrganisationDeactivated deactivated) {
        for (ApiKeyEntity key : keys.listUsable(deactivated.organisationId())) {
            revokeNow(key, "organisation deactivated");
        }
    }

    private void revokeNow(ApiKeyEntity key, String reason) {
        key.revokedAt = StoredTime.now();
        announce(ChorusEventTypes.API_KEY_REVOKED, key);
        audit.record("api-key.revoked", "api-key", key.id,
                Map.of("organisationId", key.organisationId.toString(), "reason", reason));
    }

    private ApiKey store(UUID organisationId, String name, KeyKind kind, List<String> scopes, Instant expiresAt,
            String secret) {
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = UUID.randomUUID();
        key.organisationId = organisationId;
        key.name = name;
        key.kind = kind;
        key.secretPrefix = KeySecrets.visiblePrefix(secret);
        key.secretHash = KeySecrets.hash(secret);
        key.scopes = scopes;
        key.createdAt = StoredTime.now();
        key.expiresAt = expiresAt;
        keys.persist(key);
        announce(ChorusEventTypes.API_KEY_ISSUED, key);
        audit.record("api-key.issued", "api-key", key.id, Map.of("organisationId", organisationId.toString(),
                "kind", kind.label(), "scopes", String.join(" ", scopes)));
        return views.of(key);
    }

    private static List<String> checkScopes(KeyKind kind, List<String> requested) {
        if (kind == KeyKind.PUBLISHABLE) {
            if (requested.stream().anyMatch(s -> !s.equals(Scopes.PUBLIC))) {
                throw ProblemException.invalidField("/scopes",
                        "a publishable key is visible to anyone on a web page, so it can only have the 'public' scope");
            }
            return List.of(Scopes.PUBLIC);
        }
        if (requested.isEmpty()) {
            throw ProblemException.invalidField("/scopes", "a secret key needs at least one scope");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!Scopes.SECRET_SCOPES.contains(requested.get(i))) {
                errors.add(FieldError.body("/scopes/" + i, "unknown scope; expected one of "
                        + Scopes.SECRET_SCOPES.stream().sorted().toList()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return requested.stream().distinct().sorted().toList();
    }

    private void announce(EventType<ApiKeyData> type, ApiKeyEntity key) {
        outbox.record(type, key.id, new ApiKeyData(key.id, key.organisationId, key.kind.label(), key.secretHash,
                key.scopes, key.revokedAt != null, key.expiresAt));
    }

    private ApiKeyEntity locked(UUID keyId) {
        return keys.findForUpdate(keyId).orElseThrow(() -> ProblemException.notFound("API key", keyId));
    }
}
