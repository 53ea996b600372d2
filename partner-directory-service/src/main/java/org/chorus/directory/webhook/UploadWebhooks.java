package org.chorus.directory.webhook;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.UploadData;

/** Finished bulk uploads, as webhooks: the upload's id, row counts and the link to its report. */
@ApplicationScoped
public class UploadWebhooks extends EventWebhooks<UploadData> {

    public UploadWebhooks(WebhookFanOut fanOut) {
        super(fanOut, UploadData::organisationId, upload -> "/api/v1/uploads/" + upload.uploadId());
    }

    @Override
    public Set<EventType<UploadData>> types() {
        return Set.of(ChorusEventTypes.UPLOAD_FINISHED);
    }

    @Override
    protected void describe(UploadData upload, Map<String, Object> data) {
        data.put("uploadId", upload.uploadId());
        data.put("organisationId", upload.organisationId());
        data.put("processedRows", upload.processedRows());
        data.put("acceptedRows", upload.acceptedRows());
        data.put("updatedRows", upload.updatedRows());
        data.put("unchangedRows", upload.unchangedRows());
        data.put("rejectedRows", upload.rejectedRows());
    }
}
