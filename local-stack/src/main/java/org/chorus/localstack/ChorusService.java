package org.chorus.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four Chorus services the stack runs, with the module each is built in and the database it owns. */
public enum ChorusService {
    DIRECTORY("partner-directory-service", "directory"),
    SURVEY("survey-service", "survey"),
    INSIGHT("insight-service", "insight"),
    GATEWAY("gateway", null);

    private final String module;
    private final String database;

    ChorusService(String module, String database) {
        this.module = module;
        this.database = database;
    }

    /** The Maven module directory, which is also the service's name in logs and pid files. */
    public String module() {
        return module;
    }

    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** Accepts the module name ("survey-service"), the short name ("survey") or the constant ("SURVEY"). */
    public static ChorusService named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.module.equals(wanted) || s.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || wanted.equals(s.database))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Chorus service is called " + name));
    }
}
