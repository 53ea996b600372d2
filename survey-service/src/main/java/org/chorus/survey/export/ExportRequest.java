package org.chorus.survey.export;

import org.chorus.survey.question.ValueStyle;

/**
 * What an analyst asked to export, as the parameters read.
 *
 * @param asked the time, channel and place filters as given, before the cursor and the settle horizon narrow them
 * @param cursor the Export-Next-Cursor of an earlier export, or null
 * @param values labels or codes in answer cells
 * @param language of the data package's README and SPSS labels
 */
record ExportRequest(ExportFormat format, ExportFilter asked, String cursor, boolean withContacts, ValueStyle values,
        String language) {
}
