package org.chorus.platform.query;

import java.util.HashMap;
import java.util.Map;

/**
 * The WHERE clause of a search with optional filters: a condition joins, with its named parameter, only when the
 * caller gave a value, so that repositories do not each write the same if-append-put blocks. Serves Panache's JPQL
 * and native SQL alike.
 */
public final class Where {

    private final StringBuilder clause;
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code first} is the condition every row meets, e.g. {@code "1 = 1"} or a join's. */
    public Where(String first) {
        this.clause = new StringBuilder(first);
    }

    /** Adds {@code condition}, which names {@code :name}, unless {@code value} is null. */
    public Where and(String condition, String name, Object value) {
        return value == null ? this : and(condition, Map.of(name, value));
    }

    /** Like {@link #and(String, String, Object)}, and a blank text is no filter either. */
    public Where andText(String condition, String name, String text) {
        return text == null || text.isBlank() ? this : and(condition, name, text);
    }

    /** Adds {@code condition} with the parameters it names. */
    public Where and(String condition, Map<String, Object> named) {
        clause.append(" AND ").append(condition);
        parameters.putAll(named);
        return this;
    }

    public String clause() {
        return clause.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
