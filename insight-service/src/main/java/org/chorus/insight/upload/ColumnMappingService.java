package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.platform.lock.NamedLocks;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Keeps each organisation's names for the template's columns and lends them to its uploads. */
@ApplicationScoped
public class ColumnMappingService {

    private final ColumnMappingRepository mappings;
    private final ActingOrganisation acting;
    private final NamedLocks locks;

    public ColumnMappingService(ColumnMappingRepository mappings, ActingOrganisation acting, NamedLocks locks) {
        this.mappings = mappings;
        this.acting = acting;
        this.locks = locks;
    }

    @Transactional
    public ColumnMapping get(Caller caller) {
        return mappings.findByIdOptional(caller.organisationId()).map(ColumnMappingService::of)
                .orElse(ColumnMapping.NONE);
    }

    /** Replaces the organisation's mapping; each target must name a template column (written as people do). */
    @Transactional
    public ColumnMapping save(Caller caller, ColumnMapping input) {
        UUID organisationId = acting.requireActive(caller);
        Map<String, String> columns = checked(input.columns());
        // The first save of two at once would insert beside the other's insert: it replaces it instead.
        locks.hold("upload-column-mapping/" + organisationId);
        ColumnMappingEntity entity = mappings.findByIdOptional(organisationId).orElse(null);
        if (entity == null) {
            entity = new ColumnMappingEntity();
            entity.organisationId = organisationId;
            entity.columns = columns;
            entity.updatedAt = StoredTime.now();
            mappings.persist(entity);
        } else {
            entity.columns = columns;
            entity.updatedAt = StoredTime.now();
        }
        mappings.flush();
        return of(entity);
    }

    /** Their column names to the template's, for one organisation's upload; empty when it saved none. */
    @Transactional
    public Map<String, String> columnsOf(UUID organisationId) {
        return mappings.findByIdOptional(organisationId).map(m -> Map.copyOf(m.columns)).orElse(Map.of());
    }

    private static Map<String, String> checked(Map<String, String> columns) {
        List<String> template = UploadFields.csvHeader();
        Vocabulary names = Vocabulary.ofCodes(template);
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, String> mappedFrom = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        columns.forEach((theirs, target) -> {
            String pointer = "/columns/" + theirs.replace("~", "~0").replace("/", "~1");
            if (theirs.isBlank()) {
                errors.add(FieldError.body(pointer, "their column name must not be blank"));
                return;
            }
            names.resolve(target == null ? "" : target).ifPresentOrElse(column -> {
                String before = mappedFrom.putIfAbsent(column, theirs);
                if (before != null) {
                    errors.add(FieldError.body(pointer, "'" + before + "' is already mapped to " + column));
                } else {
                    checked.put(theirs.strip(), column);
                }
            }, () -> errors.add(FieldError.body(pointer, "unknown template column '" + target + "'"
                    + names.didYouMean(target == null ? "" : target) + "; the columns are " + template)));
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return checked;
    }

    private static ColumnMapping of(ColumnMappingEntity entity) {
        return new ColumnMapping(entity.columns, entity.version);
    }
}
