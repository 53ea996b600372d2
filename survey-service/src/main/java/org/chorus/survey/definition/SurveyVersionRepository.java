package org.chorus.survey.definition;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes published versions. */
@ApplicationScoped
public class SurveyVersionRepository implements PanacheRepositoryBase<SurveyVersionEntity, SurveyVersionEntity.Key> {

    public Optional<SurveyVersionEntity> find(UUID surveyId, int version) {
        return findByIdOptional(new SurveyVersionEntity.Key(surveyId, version));
    }
}
