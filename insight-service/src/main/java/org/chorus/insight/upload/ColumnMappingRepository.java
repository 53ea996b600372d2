package org.chorus.insight.upload;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Saved column mappings, one per organisation. */
@ApplicationScoped
public class ColumnMappingRepository implements PanacheRepositoryBase<ColumnMappingEntity, UUID> {
}
