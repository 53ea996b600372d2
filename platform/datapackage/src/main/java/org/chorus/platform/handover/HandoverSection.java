package org.chorus.platform.handover;

import java.util.List;

import org.chorus.platform.datapackage.Table;

/**
 * One table of a handover package and the query that reads its rows: the query's columns are the table's fields in
 * order, and it orders its rows so that a row never comes before a row of the same table it refers to.
 *
 * @param parameters bound to the query's placeholders in order (usually the organisation's id)
 */
public record HandoverSection(Table table, String sql, List<Object> parameters) {

    public HandoverSection {
        parameters = List.copyOf(parameters);
    }
}
