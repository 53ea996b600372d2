package org.chorus.directory.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.chorus.directory.place.PlaceService;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.lock.NamedLocks;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Registers, changes and deactivates organisations, announcing every change on {@code directory.organisations}. */
@ApplicationScoped
public class OrganisationService {

    private static final Map<EventType<OrganisationData>, String> AUDIT_ACTIONS = Map.of(
            ChorusEventTypes.ORGANISATION_REGISTERED, "organisation.registered",
            ChorusEventTypes.ORGANISATION_UPDATED, "organisation.updated",
            ChorusEventTypes.ORGANISATION_DEACTIVATED, "organisation.deactivated");

    private final OrganisationRepository organisations;
    private final PlaceService places;
    private final Outbox outbox;
    private final Event<OrganisationDeactivated> deactivations;
    private final AuditTrail audit;
    private final OrganisationViews views;
    private final NamedLocks locks;

    public OrganisationService(OrganisationRepository organisations, PlaceService places, Outbox outbox,
            Event<OrganisationDeactivated> deactivations, AuditTrail audit, OrganisationViews views, NamedLocks locks) {
        this.organisations = organisations;
        this.places = places;
        this.outbox = outbox;
        this.deactivations = deactivations;
        this.audit = audit;
        this.views = views;
        this.locks = locks;
    }

    @Transactional
    public Organisation register(OrganisationInput input) {
        OrganisationEntity entity = new OrganisationEntity();
        entity.id = UUID.randomUUID();
        entity.active = true;
        entity.createdAt = StoredTime.now();
        apply(input, entity);
        organisations.persist(entity);
        return announce(ChorusEventTypes.ORGANISATION_REGISTERED, entity);
    }

    @Transactional
    public Organisation get(UUID id) {
        return views.of(find(id));
    }

    @Transactional
    public Page<Organisation> list(OrganisationFilter filter, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<OrganisationEntity> fetched = organisations.search(filter,
                after == null ? null : after.sortValue(), Cursor.idOf(after), limit + 1);
        return Page.of(fetched, limit, o -> new Cursor(o.name.toLowerCase(Locale.ROOT), o.id).encode())
                .map(views::of);
    }

    @Transactional
    public Organisation update(UUID id, String ifMatch, OrganisationInput input) {
        OrganisationEntity entity = forChange(id, ifMatch);
        apply(input, entity);
        return announce(ChorusEventTypes.ORGANISATION_UPDATED, entity);
    }

    /** Deactivates the organisation and, through the key service, revokes its keys: it can no longer act. */
    @Transactional
    public Organisation deactivate(UUID id, String ifMatch) {
        OrganisationEntity entity = forChange(id, ifMatch);
        if (!entity.active) {
            return views.of(entity);
        }
        entity.active = false;
        entity.markChanged();
        deactivations.fire(new OrganisationDeactivated(entity.id));
        return announce(ChorusEventTypes.ORGANISATION_DEACTIVATED, entity);
    }

    /**
     * The organisation, held active ({@code FOR SHARE}) until the caller's transaction ends: a deactivation, which
     * revokes the organisation's keys, waits for a key being issued and then revokes it too, or has committed and is
     * seen here.
     *
     * @param parameter the request parameter that named the organisation, so the problem can point at it; null when
     *     the caller named something else (a key) that belongs to it
     * @throws ProblemException 404 if unknown, 422 if it is deactivated
     */
    @Transactional
    public Organisation requireActive(UUID id, String parameter) {
        OrganisationEntity entity = organisations.findForShare(id)
                .orElseThrow(() -> ProblemException.notFound("Organisation", id));
        if (!entity.active) {
            String detail = "Organisation " + id + " is deactivated";
            throw new ProblemException(422, "organisation-inactive", "Organisation is deactivated", detail,
                    parameter == null ? List.of() : List.of(FieldError.parameter(parameter, "must be active")));
        }
        return views.of(entity);
    }

    private OrganisationEntity find(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    private void apply(OrganisationInput input, OrganisationEntity entity) {
        List<FieldError> errors = new ArrayList<>(WebAddresses.checkWebsite(input.website()));
        List<String> origins = WebAddresses.canonicalOrigins(input.allowedOriginsOrEmpty(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        places.requireKnown(input.placeCodesOrEmpty(), "/placeCodes");
        if (input.odsCode() != null) {
            locks.hold("organisation-ods-code/" + input.odsCode());
            organisations.findByOdsCode(input.odsCode())
                    .filter(other -> !other.id.equals(entity.id))
                    .ifPresent(other -> {
                        throw ProblemException.conflict("ODS code " + input.odsCode() + " already belongs to "
                                + other.name + " (" + other.id + ")");
                    });
        }
        entity.name = input.name().strip();
        entity.type = input.type();
        entity.odsCode = input.odsCode();
        entity.website = input.website();
        entity.contactEmail = input.contactEmail();
        entity.placeCodes = List.copyOf(new LinkedHashSet<>(input.placeCodesOrEmpty()));
        entity.allowedOrigins = origins;
        entity.rateLimits = RateLimits.canonical(input.rateLimits());
        entity.markChanged();
    }

    /** Announces the change to other services and records it in the audit log. */
    private Organisation announce(EventType<OrganisationData> type, OrganisationEntity entity) {
        organisations.flush();
        outbox.record(type, entity.id, new OrganisationData(entity.id, entity.name, entity.type.name(),
                entity.odsCode, entity.placeCodes, entity.allowedOrigins, entity.active, entity.version,
                RateLimits.toData(entity.rateLimits)));
        audit.record(AUDIT_ACTIONS.get(type), "organisation", entity.id,
                Map.of("name", entity.name, "version", Long.toString(entity.version)));
        return views.of(entity);
    }

    /** The organisation locked for a change, at the version the caller last read: 404 or 412 otherwise. */
    private OrganisationEntity forChange(UUID id, String ifMatch) {
        OrganisationEntity entity = organisations.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("Organisation", id));
        ETags.requireMatch(ifMatch, entity.version);
        return entity;
    }
}
