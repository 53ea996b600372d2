package org.chorus.insight.handover;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.datapackage.PackageReader;
import org.chorus.platform.datapackage.Table;
import org.chorus.platform.web.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes in the insight part of another organisation's handover package as the caller's own records, in one
 * transaction: all of it or nothing. Each record gets an id derived from the importing organisation and its original
 * id, so importing the same package again finds every record present and changes nothing, and references between
 * the records (a finding's activity, an action's findings) are kept.
 */
@ApplicationScoped
public class HandoverImport {

    /** Rows sent to PostgreSQL in one round trip. */
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final AuditTrail auditTrail;

    public HandoverImport(DataSource dataSource, ObjectMapper objectMapper, AuditTrail auditTrail) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.auditTrail = auditTrail;
    }

    public ImportReport importPackage(UUID organisation, InputStream body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportReport report = read(organisation, body);
            Map<String, String> details = new LinkedHashMap<>();
            report.counts().forEach((table, count) -> details.put(table, count.imported() + "/" + count.present()));
            auditTrail.record("handover.imported", "organisation", organisation, details);
            return report;
        });
    }

    private ImportReport read(UUID organisation, InputStream body) throws IOException, SQLException {
        try {
            return readPackage(organisation, body);
        } catch (ZipException | EOFException e) {
            throw invalid("The body is not a whole zip file: " + e.getMessage());
        }
    }

    private ImportReport readPackage(UUID organisation, InputStream body) throws IOException, SQLException {
        PackageReader reader = new PackageReader(body);
        Map<String, ImportReport.Count> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Records records = new Records(organisation, new HashSet<>(), new HashSet<>(),
                    references(connection, organisation));
            for (String file = reader.next(); file != null; file = reader.next()) {
                Optional<ImportedTable> table = ImportedTable.of(file);
                if (table.isPresent()) {
                    counts.put(table.get().table().name(), insertAll(connection, table.get(), reader.csv(), records));
                }
            }
        }
        if (!counts.containsKey(InsightTables.ACTIVITIES.name())) {
            throw invalid("The body is not the insight part of a handover package: it has no activities.csv");
        }
        return new ImportReport(counts);
    }

    /** A package that cannot be read, or whose rows the tables refuse, is the caller's mistake, named by its file. */
    private ImportReport.Count insertAll(Connection connection, ImportedTable table, CSVParser csv, Records records)
            throws IOException {
        try {
            return insert(connection, table, csv, records);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !(e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                throw new IOException("Import failed: " + e.getMessage(), e);
            }
            throw invalid(table.table().path() + ": a row is refused by the table's rules (SQL state " + e.getSQLState() + ")");
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(table.table().path() + " is not a CSV file as the handover writes it");
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-package", "Handover package is not valid", detail, List.of());
    }

    private ImportReport.Count insert(Connection connection, ImportedTable kind, CSVParser csv, Records records)
            throws SQLException, IOException {
        Table table = kind.table();
        for (String column : table.fieldNames()) {
            if (!csv.getHeaderNames().contains(column)) {
                throw invalid(table.path() + " has no column " + column);
            }
        }
        InsightRows rows = new InsightRows(records);
        long imported = 0;
        long present = 0;
        try (PreparedStatement insert = connection.prepareStatement(kind.insert())) {
            int pending = 0;
            for (CSVRecord record : csv) {
                rows.bind(kind, new PackageRow(table, record, objectMapper), insert);
                insert.addBatch();
                if (++pending == BATCH) {
                    long added = added(insert.executeBatch());
                    imported += added;
                    present += pending - added;
                    pending = 0;
                }
            }
            long added = added(insert.executeBatch());
            imported += added;
            present += pending - added;
        }
        return new ImportReport.Count(imported, present);
    }

    private static long added(int[] counts) {
        long added = 0;
        for (int count : counts) {
            added += count > 0 ? 1 : 0;
        }
        return added;
    }

    /** The importing organisation's activity references, each with its activity. */
    private static Map<String, UUID> references(Connection connection, UUID organisation) throws SQLException {
        Map<String, UUID> references = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT reference, id FROM activity WHERE organisation_id = ? AND reference IS NOT NULL")) {
            select.setObject(1, organisation);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    references.put(found.getString(1), found.getObject(2, UUID.class));
                }
            }
        }
        return references;
    }

    /**
     * The importing organisation, the activities and findings the package holds (by their original ids, which are
     * re-derived wherever they are referred to; a finding id the package does not hold is another organisation's and
     * is kept as it is), and the references the organisation's activities already have.
     */
    record Records(UUID organisation, Set<UUID> activities, Set<UUID> findings, Map<String, UUID> references) {

        UUID derive(UUID original) {
            return UUID.nameUUIDFromBytes(("chorus-handover:" + organisation + ":" + original)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
