package org.chorus.survey.export;

import java.util.Locale;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;

/**
 * Who may take respondents' contact details out in an export: a key with {@code contacts:read} as well as
 * {@code exports:read}, of the organisation that owns the survey. People gave their details so that that
 * organisation could get back to them; an analyst elsewhere in the partnership has no such reason.
 */
final class ContactAccess {

    static final String PARAMETER = "includeContact";

    private ContactAccess() {
    }

    /**
     * Reads the parameter strictly: a misspelt {@code true} must not quietly give an export without the columns the
     * caller asked for, nor a misspelt {@code false} one with personal data.
     */
    static boolean asked(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter(PARAMETER, "must be true or false");
        };
    }

    /** Checked before the survey is looked up, so that a key without the scope learns nothing about surveys. */
    static void requireScope(Caller caller) {
        if (!caller.has(Scopes.CONTACTS_READ)) {
            String rule = "needs the scope " + Scopes.CONTACTS_READ + " as well as " + Scopes.EXPORTS_READ;
            throw ProblemException.missingScope(
                    PARAMETER + "=true " + rule + "; this key does not have " + Scopes.CONTACTS_READ,
                    FieldError.parameter(PARAMETER, rule));
        }
    }

    static void requireOwner(Caller caller, PublishedSurvey survey) {
        caller.requireOwnerOf(survey.organisationId(), "survey", "Contact details of survey " + survey.surveyId()
                + " go only to keys of the organisation that owns it",
                FieldError.parameter(PARAMETER, "only for the survey's own organisation"));
    }
}
