package org.chorus.directory.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.inbox.EventHandler;

/** Finished bulk uploads, as webhooks: the upload's id, row counts and the link to its report. */
@ApplicationScoped
public class UploadWebhooks implements EventHandler<UploadData> {

    private final WebhookFanOut fanOut;

    public UploadWebhooks(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Set<EventType<UploadData>> types() {
        return Set.of(ChorusEventTypes.UPLOAD_FINISHED);
    }

    @Override
    public void receive(UploadData upload, ChorusEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uploadId", upload.uploadId());
        data.put("organisationId", upload.organisationId());
        data.put("processedRows", upload.processedRows());
        data.put("acceptedRows", upload.acceptedRows());
        data.put("updatedRows", upload.updatedRows());
        data.put("unchangedRows", upload.unchangedRows());
        data.put("rejectedRows", upload.rejectedRows());
        data.put("link", "/api/v1/uploads/" + upload.uploadId());
        fanOut.fanOut(event, upload.organisationId(), data);
    }
}
