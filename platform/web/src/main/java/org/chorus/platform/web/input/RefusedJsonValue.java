package org.chorus.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A value Jackson could read that a rule of ours refuses; Jackson adds the path to the field as it unwinds. */
public class RefusedJsonValue extends MismatchedInputException {

    RefusedJsonValue(JsonParser parser, String rule, Class<?> target) {
        super(parser, rule, target);
    }

    /** What the caller must change, without Jackson's location suffix. */
    public String rule() {
        return getOriginalMessage();
    }
}
