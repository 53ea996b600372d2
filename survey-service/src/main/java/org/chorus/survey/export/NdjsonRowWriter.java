package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One JSON object per line, keyed by the same column names as the CSV, for loading into analysis tools. */
final class NdjsonRowWriter implements RowWriter {

    private final JsonGenerator json;
    private List<String> names;

    NdjsonRowWriter(OutputStream out, ObjectMapper objectMapper) throws IOException {
        json = objectMapper.getFactory().createGenerator(out);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        // Jackson separates root values with a space; lines are the separator here
        json.setRootValueSeparator(null);
    }

    @Override
    public void header(List<String> names) {
        this.names = names;
    }

    @Override
    public void row(List<String> values) throws IOException {
        Map<String, String> object = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            object.put(names.get(i), values.get(i));
        }
        json.writeObject(object);
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
