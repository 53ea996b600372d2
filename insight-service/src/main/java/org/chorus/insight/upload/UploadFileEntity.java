package org.chorus.insight.upload;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A spreadsheet upload's file, kept apart from the upload so that reading an upload never loads megabytes. */
@Entity
@Table(name = "upload_file")
public class UploadFileEntity {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(nullable = false)
    public byte[] content;

    @Column(name = "kept_until", nullable = false)
    public Instant keptUntil;
}
