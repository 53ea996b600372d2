package org.chorus.platform.testsupport;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.chorus.platform.testing.TestInfrastructure;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the test JVM's real PostgreSQL, holding the platform's tables as its migrations make them,
 * so that a test of the outbox or the inbox counts only its own rows.
 */
public final class PlatformSchema {

    private PlatformSchema() {
    }

    public static DataSource create() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String schema = "platform_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infrastructure.jdbcUrl());
        dataSource.setUser(infrastructure.dbUser());
        dataSource.setPassword(infrastructure.dbUser());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            for (Path migration : migrations()) {
                statement.execute(Files.readString(migration, StandardCharsets.UTF_8));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not create the platform tables", e);
        }
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    /** The module's own migrations, in Flyway's order (V0_1 before V0_2 before V0_10). */
    private static List<Path> migrations() throws IOException {
        try {
            Path folder = Path.of(Objects.requireNonNull(
                    PlatformSchema.class.getClassLoader().getResource("db/chorus-platform")).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                        .sorted(Comparator.comparingInt((Path f) -> versionPart(f, 0)).thenComparingInt(f -> versionPart(f, 1)))
                        .toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static int versionPart(Path migration, int index) {
        String version = migration.getFileName().toString().substring(1).split("__")[0];
        return Integer.parseInt(version.split("_")[index]);
    }
}
