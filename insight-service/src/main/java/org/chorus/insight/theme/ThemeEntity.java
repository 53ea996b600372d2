package org.chorus.insight.theme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A theme of the managed taxonomy; changed by migration, not by callers, so that classifications stay comparable. */
@Entity
@Table(name = "theme")
public class ThemeEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String description;
}
