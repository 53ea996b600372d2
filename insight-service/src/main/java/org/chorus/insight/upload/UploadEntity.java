package org.chorus.insight.upload;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.LazyGroup;
import org.hibernate.type.SqlTypes;

/** An upload row: its counters, its report as JSON, and the file itself while a job waits to process it. */
@Entity
@Table(name = "upload")
public class UploadEntity {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Convert(converter = UploadFormat.Column.class)
    @Column(nullable = false)
    public UploadFormat format;

    /** The workbook's sheet the upload reads, when it named one. */
    public String sheet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadStatus status;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "processed_rows", nullable = false)
    public int processedRows;

    @Column(name = "accepted_rows", nullable = false)
    public int acceptedRows;

    @Column(name = "updated_rows", nullable = false)
    public int updatedRows;

    @Column(name = "unchanged_rows", nullable = false)
    public int unchangedRows;

    @Column(name = "rejected_rows", nullable = false)
    public int rejectedRows;

    @Column(name = "skipped_rows", nullable = false)
    public int skippedRows;

    /** Read only by the worker that takes the job: a status poll or a progress update need not read the file. */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("content")
    public byte[] content;

    /**
     * The organisation's column names when a spreadsheet came, so that a job read after the mapping changed reads the
     * file as it was sent; null for a JSON file.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "column_mapping")
    public Map<String, String> columnMapping;

    /** Loaded only when read, apart from the file: a list of uploads reads neither. */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("report")
    public String report;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the worker processing it last showed it was alive. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
}
