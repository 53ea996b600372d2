package org.chorus.insight.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.problem.FieldError;

/**
 * The rules of a finding that need its activity or the taxonomy, shared by the API and by uploads. Quotes must be
 * anonymous: people were promised that, so a quote carrying an email address or a phone number is refused rather
 * than stored.
 */
public final class FindingRules {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(?:\\+44|\\b0)\\s*\\d(?:[\\s-]?\\d){8,10}\\b");

    private FindingRules() {
    }

    /**
     * @param activityParticipants how many took part in the finding's activity; null when not yet known
     * @param taxonomy every theme's label by its code; a finding names codes, and an unknown one hears the nearest
     */
    public static List<FieldError> check(FindingInput input, Integer activityParticipants,
            Map<String, String> taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        List<String> themes = input.themesOrEmpty();
        for (int i = 0; i < themes.size(); i++) {
            String theme = themes.get(i);
            if (theme != null && !taxonomy.containsKey(theme.strip())) {
                errors.add(FieldError.body("/themes/" + i, "unknown theme '" + theme
                        + "': use a code from GET /api/v1/themes, or propose it in proposedThemes"
                        + Vocabulary.ofLabelled(taxonomy).didYouMean(theme)));
            }
        }
        if (input.participantCount() != null && activityParticipants != null
                && input.participantCount() > activityParticipants) {
            errors.add(FieldError.body("/participantCount",
                    "must be at most the activity's " + activityParticipants + " participants"));
        }
        List<String> quotes = input.quotesOrEmpty();
        for (int i = 0; i < quotes.size(); i++) {
            String quote = quotes.get(i) == null ? "" : quotes.get(i);
            if (EMAIL.matcher(quote).find() || PHONE.matcher(quote).find()) {
                errors.add(FieldError.body("/quotes/" + i,
                        "must be anonymous: remove the email address or phone number"));
            }
        }
        return errors;
    }
}
