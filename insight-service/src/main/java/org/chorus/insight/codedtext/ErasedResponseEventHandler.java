package org.chorus.insight.codedtext;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.inbox.EventHandler;

/**
 * Uncounts an erased response's coded answers. Survey-service refuses to code an erased answer, and a coding that
 * reaches insight after the erasure all the same counts nothing ({@link CodedAnswerEventHandler}).
 */
@ApplicationScoped
public class ErasedResponseEventHandler implements EventHandler<ResponseData> {

    private final EntityManager entityManager;

    public ErasedResponseEventHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Set<EventType<ResponseData>> types() {
        return Set.of(ChorusEventTypes.RESPONSE_ERASED);
    }

    @Override
    public void receive(ResponseData data, ChorusEvent event) {
        entityManager.createNativeQuery("DELETE FROM coded_survey_answer WHERE response_id = :response")
                .setParameter("response", data.responseId()).executeUpdate();
    }
}
