package org.chorus.survey.coding.frame;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.platform.web.problem.ProblemException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.jboss.logging.Logger;

/**
 * Offers NHS England's Patient Experience Qualitative Data Categorisation to every organisation on a new installation,
 * at first start rather than by a migration: the file is the publisher's and may be placed after the schema exists,
 * and a machine without it still starts (nothing is loaded, and the log says so).
 */
@ApplicationScoped
public class FrameworkLoader {

    private static final Logger LOG = Logger.getLogger(FrameworkLoader.class);

    /** Where the framework's file is and what the frame is called. */
    @ConfigMapping(prefix = "chorus.survey.coding.framework")
    public interface Config {

        @WithDefault("../shared/data/coding-frames/nhs-patient-experience.csv")
        Path file();

        @WithDefault("NHS England Patient Experience Qualitative Data Categorisation")
        String name();
    }

    void onStart(@Observes StartupEvent start, Config config, FrameService frames) {
        Path file = config.file();
        if (!Files.isRegularFile(file)) {
            LOG.infof("No coding framework at %s: none offered", file.toAbsolutePath());
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<List<MajorCategory>> categories = FrameworkCsv.read(in);
            if (categories.isEmpty()) {
                LOG.warnf("%s has no major and minor category columns: no coding framework offered", file);
            } else if (frames.offerToAll(config.name(), new FrameInput(null, categories.get()))) {
                LOG.infof("Coding framework %s offered to every organisation", config.name());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Coding framework %s not readable, none offered: %s", file, e.getMessage());
        } catch (ProblemException e) {
            LOG.warnf("Coding framework %s not usable as a frame, none offered: %s", file, e.getMessage());
        } catch (IllegalStateException e) {
            // another replica starting at the same moment offered it first; it is there either way
            LOG.infof("Coding framework %s not offered by this replica: %s", config.name(), e.getMessage());
        }
    }
}
