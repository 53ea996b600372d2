package org.chorus.insight.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The CSV template and the JSON schema of uploads, shipped with the service so that they match its rules. */
final class UploadFiles {

    static final String TEMPLATE = "upload/template.csv";
    static final String SCHEMA = "upload/schema.json";

    private UploadFiles() {
    }

    static byte[] read(String resource) {
        try (InputStream in = UploadFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
