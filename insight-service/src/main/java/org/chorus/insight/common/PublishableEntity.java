package org.chorus.insight.common;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.chorus.platform.entity.OwnedEntity;
import org.chorus.platform.time.StoredTime;

/** A record its organisation keeps to itself until it publishes it for partner websites: findings and actions. */
@MappedSuperclass
public abstract class PublishableEntity extends OwnedEntity {

    @Column(nullable = false)
    public boolean published;

    /** When it was published; null while it is not. */
    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * Publishes or withdraws the record, at one instant for both times.
     *
     * @return whether that changed it, and so must be announced
     */
    public boolean markPublished(boolean publish) {
        if (published == publish) {
            return false;
        }
        Instant now = StoredTime.now();
        published = publish;
        publishedAt = publish ? now : null;
        updatedAt = now;
        return true;
    }
}
