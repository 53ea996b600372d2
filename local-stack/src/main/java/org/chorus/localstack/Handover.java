package org.chorus.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./chorus handover <organisation> [folder]}: fetches every part of an organisation's records through the
 * gateway, as the organisation itself (its key, with handover:read, from CHORUS_HANDOVER_KEY or the file named by
 * CHORUS_HANDOVER_KEY_FILE), into one folder: one data package zip per part, and manifest.json and SHA256SUMS
 * holding each file's SHA-256, so the new custodian can check that nothing changed on the way.
 */
public final class Handover {

    /** The parts, in the order they are fetched; each is {@code /api/v1/handover/<part>}. */
    public static final List<String> PARTS = List.of("directory", "surveys", "insight");
    public static final String MANIFEST = "manifest.json";
    public static final String SUMS = "SHA256SUMS";

    // HTTP/1.1 as curl speaks it: a large zip streams through the gateway as one chunked answer
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final URI gateway;
    private final String key;

    public Handover(URI gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: ./chorus handover <organisation id> [folder]; the organisation's key (with "
                    + "handover:read, and contacts:read for respondents' contact details) in CHORUS_HANDOVER_KEY or "
                    + "a file named by CHORUS_HANDOVER_KEY_FILE");
            System.exit(2);
        }
        StackHome home = new StackHome(Path.of(args[0]).toAbsolutePath());
        UUID organisation = UUID.fromString(args[1]);
        Path folder = Path.of(args.length > 2 ? args[2] : "handover-" + organisation);
        String port = home.readPorts().getProperty(ChorusService.GATEWAY.module(), "8080");
        URI gateway = URI.create(System.getenv().getOrDefault("CHORUS_GATEWAY_URL", "http://127.0.0.1:" + port));
        try {
            new Handover(gateway, key()).fetch(organisation, folder);
            System.out.println("Handed over to " + folder.toAbsolutePath() + " (" + SUMS + " checks with sha256sum -c)");
        } catch (ConnectException e) {
            System.err.println("The gateway does not answer at " + gateway + "; start the stack with ./chorus up");
            System.exit(1);
        } catch (HandoverRefused e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String key() throws IOException {
        String key = System.getenv("CHORUS_HANDOVER_KEY");
        String file = System.getenv("CHORUS_HANDOVER_KEY_FILE");
        if ((key == null || key.isBlank()) && file != null && !file.isBlank()) {
            key = Files.readString(Path.of(file));
        }
        if (key == null || key.isBlank()) {
            throw new HandoverRefused("Set CHORUS_HANDOVER_KEY (or CHORUS_HANDOVER_KEY_FILE) to the organisation's "
                    + "own key with handover:read");
        }
        return key.strip();
    }

    /** Fetches every part into the folder, then writes the manifest; a part refused stops the handover. */
    public List<Path> fetch(UUID organisation, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        ObjectNode manifest = DemoGateway.JSON.createObjectNode();
        manifest.put("organisationId", organisation.toString());
        manifest.put("gateway", gateway.toString());
        manifest.put("fetchedAt", Instant.now().toString());
        ArrayNode files = manifest.putArray("files");
        StringBuilder sums = new StringBuilder();
        List<Path> fetched = new ArrayList<>();
        for (String part : PARTS) {
            Path file = folder.resolve(part + ".zip");
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/handover/" + part + "?organisation="
                    + organisation)).header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(30)).GET()
                    .build();
            HttpResponse<Path> answer = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (answer.statusCode() != 200) {
                String problem = Files.readString(file, StandardCharsets.UTF_8);
                Files.delete(file);
                throw new HandoverRefused("The " + part + " part was refused with " + answer.statusCode() + ": " + problem);
            }
            String sha256 = sha256(file);
            files.addObject().put("path", file.getFileName().toString()).put("part", part)
                    .put("bytes", Files.size(file)).put("sha256", sha256);
            sums.append(sha256).append("  ").append(file.getFileName()).append('\n');
            fetched.add(file);
        }
        Files.write(folder.resolve(MANIFEST),
                DemoGateway.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
        Files.writeString(folder.resolve(SUMS), sums, StandardCharsets.UTF_8);
        return fetched;
    }

    /** The file's SHA-256 in hex, read in blocks: a part may be larger than the heap. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64 * 1024];
            for (int read = in.read(block); read >= 0; read = in.read(block)) {
                digest.update(block, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A part the gateway would not give, with its problem document. */
    public static final class HandoverRefused extends IOException {

        HandoverRefused(String message) {
            super(message);
        }
    }
}
