package org.chorus.survey.coding.frame;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;

/** Adds coding frames and their versions; earlier versions stay as they were, for the codings that used them. */
@ApplicationScoped
public class FrameService {

    private final FrameStore store;
    private final AuditTrail audit;

    FrameService(FrameStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public CodingFrame create(Caller caller, FrameInput input) {
        FrameRules.check(input, true);
        UUID id = UUID.randomUUID();
        store.create(id, caller.organisationId(), input.name().strip(), input.categories(), StoredTime.now());
        audit.record("coding-frame.created", "coding-frame", id, Map.of("version", "1"));
        return store.find(id, 1).orElseThrow();
    }

    /** Offers a framework to every organisation, once: a later start finds it by name and adds nothing. */
    @Transactional
    public boolean offerToAll(String name, FrameInput input) {
        FrameRules.check(new FrameInput(null, input.categories()), false);
        if (store.sharedNamed(name)) {
            return false;
        }
        store.create(UUID.randomUUID(), null, name, input.categories(), StoredTime.now());
        return true;
    }

    /** @throws ProblemException 412 unless {@code ifMatch} names the latest version */
    @Transactional
    public CodingFrame revise(Caller caller, UUID id, FrameInput input, String ifMatch) {
        CodingFrame latest = store.lockLatest(id).filter(f -> usableBy(caller, f))
                .orElseThrow(() -> ProblemException.notFound("Coding frame", id));
        caller.requireOwnerOf(latest.organisationId(), "coding frame",
                "a frame offered to every organisation is revised by adding a frame of your own");
        ETags.requireMatch(ifMatch, latest.version());
        FrameRules.check(input, false);
        int version = latest.version() + 1;
        store.addVersion(id, version, input.categories(), StoredTime.now());
        audit.record("coding-frame.revised", "coding-frame", id, Map.of("version", Integer.toString(version)));
        return store.find(id, version).orElseThrow();
    }

    /** @param version null for the latest */
    public CodingFrame get(Caller caller, UUID id, Integer version) {
        return store.find(id, version).filter(f -> usableBy(caller, f))
                .orElseThrow(() -> ProblemException.notFound("Coding frame", id));
    }

    public Page<CodingFrame> list(Caller caller, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        return Page.of(store.usable(caller.organisationId(), after == null ? null : after.id(), limit + 1), limit,
                f -> new Cursor(f.id().toString(), f.id()).encode());
    }

    /** Frames are an organisation's own, or offered to everyone. */
    public static boolean usableBy(Caller caller, CodingFrame frame) {
        return frame.organisationId() == null || caller.belongsTo(frame.organisationId());
    }
}
