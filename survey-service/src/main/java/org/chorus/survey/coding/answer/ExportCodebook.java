package org.chorus.survey.coding.answer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.survey.coding.frame.CodingFrame;
import org.chorus.survey.coding.frame.FrameStore;
import org.chorus.survey.coding.frame.MajorCategory;
import org.chorus.survey.coding.frame.MinorCategory;

/**
 * Which categories a survey's exports give 0/1 columns: per free-text question coded in the first pass, every
 * category of the frame versions its codings used, so that a 0 means "not given this category" for any of them.
 */
@ApplicationScoped
public class ExportCodebook {

    private final DataSource dataSource;
    private final FrameStore frames;

    ExportCodebook(DataSource dataSource, FrameStore frames) {
        this.dataSource = dataSource;
        this.frames = frames;
    }

    /** One coded question: the frames and versions its codings used, and their categories, majors then minors. */
    public record CodedQuestion(String questionId, List<FrameUse> frames, List<Category> categories) {
    }

    /** A frame and the versions of it a question's codings used. */
    public record FrameUse(UUID frameId, String name, List<Integer> versions) {
    }

    /** A category as an export's column describes it. */
    public record Category(String code, String label) {
    }

    /** @return the coded questions by id; empty when nothing of the survey is coded */
    public Map<String, CodedQuestion> of(UUID surveyId) {
        Map<String, CodedQuestion> coded = new LinkedHashMap<>();
        used(surveyId).forEach((questionId, byFrame) -> {
            List<FrameUse> uses = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            byFrame.forEach((frameId, versions) -> {
                String name = null;
                // newest version first: a category keeps its latest label, and one dropped later still has a column
                for (int i = versions.size() - 1; i >= 0; i--) {
                    CodingFrame frame = frames.find(frameId, versions.get(i)).orElseThrow();
                    name = frame.name();
                    frame.categories().forEach(major -> labelled(major, labels));
                }
                uses.add(new FrameUse(frameId, name, versions));
            });
            List<Category> categories = labels.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue()))
                    .toList();
            coded.put(questionId, new CodedQuestion(questionId, uses, categories));
        });
        return coded;
    }

    private static void labelled(MajorCategory major, Map<String, String> labels) {
        labels.putIfAbsent(major.code(), major.label());
        for (MinorCategory minor : major.minorsOrEmpty()) {
            labels.putIfAbsent(minor.code(), minor.label());
        }
    }

    /** Per question, per frame, the versions used in ascending order. */
    private Map<String, Map<UUID, List<Integer>>> used(UUID surveyId) {
        String sql = "SELECT DISTINCT question_id, frame_id, frame_version FROM answer_coding "
                + "WHERE survey_id = ? AND pass = 'FIRST' ORDER BY 1, 2, 3";
        Map<String, Map<UUID, List<Integer>>> used = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, surveyId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    used.computeIfAbsent(rs.getString(1), q -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getObject(2, UUID.class), f -> new ArrayList<>()).add(rs.getInt(3));
                }
            }
            return used;
        } catch (SQLException e) {
            throw new IllegalStateException("Codings not readable: " + e.getMessage(), e);
        }
    }
}
