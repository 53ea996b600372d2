package org.chorus.directory.place;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place row; its parent makes the small hierarchy of system, partnerships and areas. */
@Entity
@Table(name = "place")
public class PlaceEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlaceKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
