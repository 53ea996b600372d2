package org.chorus.directory.place;

import jakarta.enterprise.context.ApplicationScoped;

/** What callers see of a place: its parent by code, as callers name places, not by the row's id. */
@ApplicationScoped
public class PlaceViews {

    /** {@code parent} is null for a place at the top of the hierarchy. */
    public Place of(PlaceEntity place, PlaceEntity parent) {
        return new Place(place.id, place.code, place.name, place.kind, parent == null ? null : parent.code);
    }
}
