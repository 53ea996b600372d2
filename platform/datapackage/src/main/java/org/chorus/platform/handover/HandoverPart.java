package org.chorus.platform.handover;

import java.util.Locale;

/** The parts an organisation's records are handed over in, one per service that holds them. */
public enum HandoverPart {
    /** The organisation, its places, web origins and key metadata: from the partner directory. */
    DIRECTORY,
    /** Surveys with every published version, responses and the export audit: from the survey service. */
    SURVEYS,
    /** Activities, findings with quotes, actions and upload reports: from the insight service. */
    INSIGHT;

    /** How paths and file names write it: {@code /api/v1/handover/insight}, {@code insight.zip}. */
    public String segment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
