package org.chorus.directory.place;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Finds places by their stable code, which is how the rest of Chorus refers to them. */
@ApplicationScoped
public class PlaceRepository implements PanacheRepositoryBase<PlaceEntity, UUID> {

    public Optional<PlaceEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<PlaceEntity> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    public List<PlaceEntity> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Places in code order, starting after {@code code} (from the start when null). */
    public List<PlaceEntity> listAfter(String code, int limit) {
        var query = code == null ? find("order by code") : find("code > ?1 order by code", code);
        return query.page(0, limit).list();
    }
}
