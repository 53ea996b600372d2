package org.chorus.insight.activity;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.chorus.platform.entity.OwnedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An activity row; its findings point at it. */
@Entity
@Table(name = "activity")
public class ActivityEntity extends OwnedEntity {

    public String reference;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EngagementMethod method;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "place_codes", nullable = false)
    public List<String> placeCodes;

    @Column(name = "participant_count", nullable = false)
    public int participantCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "groups_reached", nullable = false)
    public List<String> groupsReached;

    @Enumerated(EnumType.STRING)
    @Column(name = "stakeholder_group", nullable = false)
    public StakeholderGroup stakeholderGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "ladder_rung")
    public LadderRung ladderRung;

    @Enumerated(EnumType.STRING)
    @Column(name = "programme_area")
    public ProgrammeArea programmeArea;
}
