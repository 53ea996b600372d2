package org.chorus.survey.definition;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What a survey asks and when it runs: the document a draft edits and a published version freezes. */
@Schema(name = "SurveyDefinition")
public record SurveyDefinition(
        @NotNull @Valid @Schema(examples = "{\"en\": \"Listening to our communities on our draft priorities\"}")
        Text title,
        @Valid Text introduction,
        @Schema(description = "Responses are refused before this time; open at once when absent") Instant opensAt,
        @Schema(description = "Responses are refused from this time on", examples = "2022-10-24T23:00:00Z")
        Instant closesAt,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Section> sections,
        @Size(max = 500) List<@NotNull @Valid GlossaryTerm> glossary) {

    public List<GlossaryTerm> glossaryOrEmpty() {
        return glossary == null ? List.of() : glossary;
    }

    @JsonIgnore
    public Stream<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream());
    }

    /** Every language the survey has a text in, English first; a respondent may read it in any of them. */
    @JsonIgnore
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(title.values().keySet());
        questions().forEach(q -> {
            languages.addAll(q.text().values().keySet());
            q.optionsOrEmpty().forEach(o -> languages.addAll(o.label().values().keySet()));
        });
        languages.remove(Text.ENGLISH);
        Set<String> ordered = new LinkedHashSet<>(List.of(Text.ENGLISH));
        ordered.addAll(languages);
        return ordered;
    }

    /** Whether a respondent may read it in {@code language}; English, always, without collecting the rest. */
    public boolean isWrittenIn(String language) {
        return Text.ENGLISH.equals(language) || languages().contains(language);
    }

    public Optional<Question> question(String questionId) {
        return questions().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The definition as a respondent reading in {@code language} sees it; untranslated labels stay English. */
    public SurveyDefinition in(String language) {
        return new SurveyDefinition(title.in(language), Text.in(introduction, language), opensAt, closesAt,
                sections.stream().map(s -> s.in(language)).toList(),
                glossaryOrEmpty().stream().map(g -> g.in(language)).toList());
    }
}
