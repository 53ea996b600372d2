-- The sheet of an .xlsx workbook an upload reads, so that a large workbook run as a job reads the same one.
ALTER TABLE upload ADD COLUMN sheet TEXT;
