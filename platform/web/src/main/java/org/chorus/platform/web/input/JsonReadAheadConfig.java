package org.chorus.platform.web.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether small JSON bodies are read whole before a blocking endpoint runs (SmallJsonBodies). */
@ConfigMapping(prefix = "chorus.http.json-read-ahead")
public interface JsonReadAheadConfig {

    /** On in the services; off in the gateway, which pipes each body on to a service and must find it unread. */
    @WithDefault("true")
    boolean enabled();
}
