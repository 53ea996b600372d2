package org.chorus.directory.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.lock.NamedLocks;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Registers and lists places, keeping the hierarchy sound (a parent must exist and sit above its child). */
@ApplicationScoped
public class PlaceService {

    private final PlaceRepository places;
    private final PlaceViews views;
    private final NamedLocks locks;

    public PlaceService(PlaceRepository places, PlaceViews views, NamedLocks locks) {
        this.places = places;
        this.views = views;
        this.locks = locks;
    }

    @Transactional
    public Place register(PlaceInput input) {
        locks.hold("place-code/" + input.code());
        if (places.findByCode(input.code()).isPresent()) {
            throw ProblemException.conflict("A place with code '" + input.code() + "' already exists");
        }
        PlaceEntity parent = parentOf(input);
        PlaceEntity entity = new PlaceEntity();
        entity.id = UUID.randomUUID();
        entity.code = input.code();
        entity.name = input.name().strip();
        entity.kind = input.kind();
        entity.parentId = parent == null ? null : parent.id;
        entity.createdAt = StoredTime.now();
        places.persist(entity);
        return views.of(entity, parent);
    }

    private PlaceEntity parentOf(PlaceInput input) {
        if (input.parentCode() == null) {
            if (input.kind() != PlaceKind.INTEGRATED_CARE_SYSTEM) {
                throw ProblemException.invalidField("/parentCode", "is required for a " + input.kind());
            }
            return null;
        }
        PlaceEntity parent = places.findByCode(input.parentCode())
                .orElseThrow(() -> ProblemException.invalidField("/parentCode", "no place has this code"));
        if (parent.kind.ordinal() >= input.kind().ordinal()) {
            throw ProblemException.invalidField("/parentCode",
                    "a " + input.kind() + " cannot sit inside a " + parent.kind);
        }
        return parent;
    }

    @Transactional
    public Place get(String code) {
        PlaceEntity entity = places.findByCode(code).orElseThrow(() -> ProblemException.notFound("Place", code));
        return views.of(entity, entity.parentId == null ? null : places.findById(entity.parentId));
    }

    @Transactional
    public Page<Place> list(int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<PlaceEntity> fetched = places.listAfter(after == null ? null : after.sortValue(), limit + 1);
        Map<UUID, PlaceEntity> parents = places.findByIds(fetched.stream()
                .map(p -> p.parentId).filter(Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        return Page.of(fetched, limit, p -> new Cursor(p.code, p.id).encode())
                .map(p -> views.of(p, p.parentId == null ? null : parents.get(p.parentId)));
    }

    /**
     * Checks that every code names a registered place.
     *
     * @param pointer where the codes sit in the request, for the error
     */
    @Transactional
    public void requireKnown(List<String> codes, String pointer) {
        Set<String> known = places.findByCodes(codes).stream().map(p -> p.code).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                errors.add(FieldError.body(pointer + "/" + i, "no place has the code '" + codes.get(i) + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
