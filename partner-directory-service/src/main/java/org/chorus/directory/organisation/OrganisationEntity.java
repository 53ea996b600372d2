package org.chorus.directory.organisation;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.chorus.platform.entity.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation row; never deleted, only deactivated, so that history keeps pointing at it. */
@Entity
@Table(name = "organisation")
public class OrganisationEntity extends VersionedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    @Column(name = "ods_code")
    public String odsCode;

    public String website;

    @Column(name = "contact_email")
    public String contactEmail;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "place_codes", nullable = false)
    public List<String> placeCodes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_origins", nullable = false)
    public List<String> allowedOrigins;

    /** Null for the gateway's defaults. */
    @Convert(converter = RateLimitsColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rate_limits")
    public RateLimits rateLimits;

    @Column(nullable = false)
    public boolean active;
}
