package org.chorus.survey.export;

/**
 * What an export column holds, as its schema says: only a numeric column may hand a spreadsheet a bare number
 * (a rating, a 0/1 flag); everything else is text that must never be read as a formula.
 */
enum CellKind {
    NUMBER,
    TEXT
}
