package org.chorus.platform.web.input;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a request's head may be before it is refused with a problem document (RequestHeadLimits). */
@ConfigMapping(prefix = "chorus.http.limits")
public interface RequestHeadLimitsConfig {

    /** The longest request line, in bytes: method, path with query and version; longer is 414. */
    @WithDefault("4096")
    int requestLine();

    /** The most header bytes, all "Name: value" lines together; more is 431. */
    @WithDefault("20K")
    MemorySize headers();
}
