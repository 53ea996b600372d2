package org.chorus.insight.upload;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Spreadsheet files kept for their row reports, and forgotten when their time is up. */
@ApplicationScoped
public class UploadFileRepository implements PanacheRepositoryBase<UploadFileEntity, UUID> {

    /** @return how many files were forgotten */
    public long forgetExpired(Instant now) {
        return delete("keptUntil < ?1", now);
    }
}
