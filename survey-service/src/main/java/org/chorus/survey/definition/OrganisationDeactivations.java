package org.chorus.survey.definition;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.inbox.EventHandler;
import org.chorus.platform.time.StoredTime;

/**
 * Closes the surveys of an organisation the directory deactivates. Its keys are revoked there, so nobody could close
 * them any more, and every partner's page went on offering them to the public, collecting answers for an
 * organisation that is no longer a partner.
 */
@ApplicationScoped
public class OrganisationDeactivations implements EventHandler<OrganisationData> {

    private final SurveyService surveys;

    public OrganisationDeactivations(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public Set<EventType<OrganisationData>> types() {
        return Set.of(ChorusEventTypes.ORGANISATION_DEACTIVATED);
    }

    @Override
    public void receive(OrganisationData organisation, ChorusEvent event) {
        surveys.closeAllOf(organisation.organisationId(), StoredTime.now());
    }
}
