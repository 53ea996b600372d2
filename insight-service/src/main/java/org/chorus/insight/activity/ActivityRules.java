package org.chorus.insight.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chorus.platform.web.problem.FieldError;

/**
 * The rules of an activity that need more than one field or knowledge of the partnership, shared by the API and
 * by uploads so that a row is judged exactly like a request.
 */
public final class ActivityRules {

    private ActivityRules() {
    }

    public static List<FieldError> check(ActivityInput input, Set<String> knownPlaces) {
        List<FieldError> errors = new ArrayList<>();
        if (input.startDate() != null && input.endDate() != null && input.endDate().isBefore(input.startDate())) {
            errors.add(FieldError.body("/endDate", "must not be before the start date"));
        }
        List<String> places = input.placeCodes() == null ? List.of() : input.placeCodes();
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i) != null && !knownPlaces.contains(places.get(i).strip())) {
                errors.add(FieldError.body("/placeCodes/" + i,
                        "unknown place '" + places.get(i) + "': no active organisation of the partnership covers it"));
            }
        }
        return errors;
    }
}
