package org.chorus.insight.reach;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.reach.ReachSummary.ChannelReach;
import org.chorus.insight.reach.ReachSummary.GroupReach;
import org.chorus.insight.reach.ReachSummary.MethodReach;
import org.chorus.insight.reach.ReachSummary.ThemeReach;
import org.chorus.platform.web.input.PostgresRanges;

/** Aggregates for reach summaries, computed by PostgreSQL over the activities overlapping a period. */
@ApplicationScoped
class ReachQueries {

    /** Activities overlapping the period, in the place when one is given. */
    private static final String IN_PERIOD = " a.end_date >= :from AND a.start_date <= :to"
            + " AND (CAST(:place AS varchar) IS NULL OR a.place_codes @> ARRAY[CAST(:place AS varchar)])";
    private static final String RESPONSES_IN_PERIOD = " NOT r.erased AND r.submitted_at >= :fromTime"
            + " AND r.submitted_at < :toTime";

    private final EntityManager entityManager;

    ReachQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<MethodReach> byMethod(Period p) {
        return rows(p, "SELECT a.method, count(*), coalesce(sum(a.participant_count), 0) FROM activity a WHERE"
                + IN_PERIOD + " GROUP BY a.method ORDER BY count(*) DESC, a.method").stream()
                .map(r -> new MethodReach(EngagementMethod.valueOf((String) r[0]), number(r[1]), number(r[2])))
                .toList();
    }

    List<GroupReach> groups(Period p) {
        return rows(p, "SELECT g, count(*), coalesce(sum(a.participant_count), 0) FROM activity a, "
                + "unnest(a.groups_reached) g WHERE" + IN_PERIOD + " GROUP BY g ORDER BY count(*) DESC, g").stream()
                .map(r -> new GroupReach((String) r[0], number(r[1]), number(r[2]))).toList();
    }

    List<ThemeReach> topThemes(Period p) {
        return rows(p, "SELECT t.code, t.label, count(*), coalesce(sum(f.participant_count), 0) FROM finding f "
                + "JOIN activity a ON a.id = f.activity_id CROSS JOIN unnest(f.theme_codes) c "
                + "JOIN theme t ON t.code = c WHERE" + IN_PERIOD
                + " GROUP BY t.code, t.label ORDER BY count(*) DESC, t.code LIMIT 10").stream()
                .map(r -> new ThemeReach((String) r[0], (String) r[1], number(r[2]), number(r[3]))).toList();
    }

    List<ChannelReach> responsesByChannel(Period p) {
        return rows(p, "SELECT coalesce(r.channel, 'unknown'), count(*) FROM survey_response r WHERE"
                + RESPONSES_IN_PERIOD + " AND (CAST(:place AS varchar) IS NULL OR r.place_code = :place)"
                + " GROUP BY 1 ORDER BY count(*) DESC, 1").stream()
                .map(r -> new ChannelReach((String) r[0], number(r[1]))).toList();
    }

    /** Places with an activity or a survey response in the period, whatever place was asked for. */
    Set<String> placesEngaged(Period p) {
        Period everywhere = new Period(null, p.from(), p.to());
        List<Object[]> rows = rows(everywhere, "SELECT DISTINCT c, 1 FROM activity a, unnest(a.place_codes) c WHERE"
                + IN_PERIOD + " UNION SELECT DISTINCT r.place_code, 1 FROM survey_response r WHERE"
                + RESPONSES_IN_PERIOD + " AND r.place_code IS NOT NULL");
        Set<String> places = new TreeSet<>();
        rows.forEach(r -> places.add((String) r[0]));
        return places;
    }

    /** Every group any activity ever reached: those not reached in the period are the ones nobody heard then. */
    Set<String> groupsEverReached() {
        @SuppressWarnings("unchecked")
        List<String> groups = entityManager.createNativeQuery(
                "SELECT DISTINCT g FROM activity a, unnest(a.groups_reached) g").getResultList();
        return new TreeSet<>(groups);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Period p, String sql) {
        Query query = entityManager.createNativeQuery(sql);
        Map<String, Object> params = Map.of("from", p.from(), "to", p.to(),
                "fromTime", startOf(p.from()), "toTime", startOf(p.to().plusDays(1)));
        params.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "(?![A-Za-z])").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        query.setParameter("place", p.placeCode());
        return query.getResultList();
    }

    /** The start of a day as a timestamp PostgreSQL holds: one past its last, of a date it holds, failed with a 500. */
    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(PostgresRanges.nearestTimestamp(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A place (null for everywhere) and an inclusive period of days. */
    record Period(String placeCode, LocalDate from, LocalDate to) {
    }
}
