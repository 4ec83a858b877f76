package be.spil.policy;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs surveys (inzicht in ICT-noden) of a school: the team writes questions (or starts from a template inspired by
 * the areas of the EU's SELFIE), opens the survey, staff answer once, anonymously: a response holds no person and only
 * its day; who took part is kept apart, never linked to an answer. Results exist from {@link #MIN_RESPONSES} answers on.
 */
@Service
@Transactional(readOnly = true)
public class Surveys {
    static final String AUDIT_TYPE = "survey";
    /** Fewer responses than this: no results are shown, so nobody's answers can be told apart. */
    public static final int MIN_RESPONSES = 5;
    public static final int MAX_QUESTIONS = 60;

    public enum Status { DRAFT, OPEN, CLOSED }

    public enum Kind { LIKERT, CHOICE, OPEN }

    /** The areas of the SELFIE self-reflection tool that the template's questions follow. */
    public enum Area { LEADERSHIP, COLLABORATION, INFRASTRUCTURE, PROFESSIONAL_DEVELOPMENT, PEDAGOGY, ASSESSMENT, PUPIL_COMPETENCE }

    public record Question(long id, int position, Kind kind, Area area, String question, List<String> choices) {}

    public record Survey(long id, String title, UsageRules.Audience audience, Status status, Long goalId, long responses,
                         int version, Instant updatedAt, String updatedBy, List<Question> questions) {}

    /** Results of one question: Likert counts per score 1–5 and the average, choice counts, or the open answers. */
    public record Result(Question question, long answered, Double average, Map<String, Long> counts, List<String> answers) {}

    public record Results(long responses, boolean shown, List<Result> results) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    Surveys(JdbcClient jdbc, AuditTrail audit, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Survey> list(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var ids = jdbc.sql("select id from policy_survey where school_id = :s and (status <> 'DRAFT' or :manage) order by id desc")
            .param("s", schoolId).param("manage", caller.canManage(schoolId)).query(Long.class).list();
        return ids.stream().map(id -> load(schoolId, id)).toList();
    }

    public Survey get(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        var survey = load(schoolId, id);
        if (survey.status() == Status.DRAFT && !caller.canManage(schoolId)) {
            throw new NotFoundException("survey", id);
        }
        return survey;
    }

    /** A new survey, empty or (template true) with the questions of Spil's template in the caller's language. */
    @Transactional
    public Survey create(long schoolId, String title, UsageRules.Audience audience, boolean template, java.util.Locale locale,
                         Caller caller) {
        caller.requireManage(schoolId);
        if (title == null || title.isBlank()) {
            throw FieldErrorsException.of("title", "policy.survey.title.blank");
        }
        if (title.strip().length() > 200) {
            throw FieldErrorsException.of("title", "policy.survey.title.long");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into policy_survey (school_id, title, audience, status, version, updated_at, updated_by)
                values (:s, :t, :a, 'DRAFT', 0, :at, :by)""")
            .param("s", schoolId).param("t", title.strip()).param("a", (audience == null ? UsageRules.Audience.STAFF : audience).name())
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).update(keys, "id");
        long id = keys.getKey().longValue();
        if (template) {
            int position = 0;
            for (Area area : Area.values()) {
                for (int n = 1; n <= 2; n++) {
                    insertQuestion(id, position++, Kind.LIKERT, area, messages.getMessage("policy.survey.template." + area + "." + n,
                        null, locale), null);
                }
            }
            insertQuestion(id, position++, Kind.CHOICE, null, messages.getMessage("policy.survey.template.device", null, locale),
                messages.getMessage("policy.survey.template.device.choices", null, locale));
            insertQuestion(id, position, Kind.OPEN, null, messages.getMessage("policy.survey.template.wish", null, locale), null);
        }
        audit.record(AUDIT_TYPE, id, schoolId, Action.CREATED, title.strip(), Map.of(), Map.of("title", title.strip()));
        return load(schoolId, id);
    }

    @Transactional
    public Survey addQuestion(long schoolId, long surveyId, Kind kind, Area area, String question, String choices, Caller caller) {
        caller.requireManage(schoolId);
        var survey = requireDraft(schoolId, surveyId);
        if (kind == null) {
            throw FieldErrorsException.of("kind", "policy.survey.kind.missing");
        }
        if (question == null || question.isBlank() || question.strip().length() > 500) {
            throw FieldErrorsException.of("question", "policy.survey.question.invalid");
        }
        var options = choices(choices);
        if (kind == Kind.CHOICE && (options.size() < 2 || options.size() > 20 || options.stream().anyMatch(o -> o.length() > 200))) {
            throw FieldErrorsException.of("choices", "policy.survey.choices.invalid");
        }
        if (survey.questions().size() >= MAX_QUESTIONS) {
            throw FieldErrorsException.of("question", "policy.survey.tooMany", MAX_QUESTIONS);
        }
        insertQuestion(surveyId, survey.questions().size(), kind, area, question.strip(), kind == Kind.CHOICE ? String.join("\n", options) : null);
        touch(surveyId);
        return load(schoolId, surveyId);
    }

    /** Opens a draft for answers, or closes an open survey; {@code version} is the one read. */
    @Transactional
    public Survey setStatus(long schoolId, long surveyId, Status status, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var survey = load(schoolId, surveyId);
        StaleVersionException.check(version, survey.version(), survey.updatedBy(), survey.updatedAt(),
            () -> Map.of("status", survey.status().name()));
        boolean allowed = (survey.status() == Status.DRAFT && status == Status.OPEN && !survey.questions().isEmpty())
            || (survey.status() == Status.OPEN && status == Status.CLOSED);
        if (!allowed) {
            throw FieldErrorsException.of("status", "policy.survey.status.invalid");
        }
        jdbc.sql("update policy_survey set status = :st where id = :id").param("st", status.name()).param("id", surveyId).update();
        touch(surveyId);
        audit.record(AUDIT_TYPE, surveyId, schoolId, Action.UPDATED, survey.title(), Map.of("status", survey.status().name()),
            Map.of("status", status.name()));
        return load(schoolId, surveyId);
    }

    /** Links the survey to a goal of the plan (null: no goal). */
    @Transactional
    public Survey linkGoal(long schoolId, long surveyId, Long goalId, Caller caller) {
        caller.requireManage(schoolId);
        load(schoolId, surveyId);
        if (goalId != null && jdbc.sql("select count(*) from policy_goal where id = :g and school_id = :s and not archived")
                .param("g", goalId).param("s", schoolId).query(Long.class).single() == 0) {
            throw FieldErrorsException.of("goal", "policy.goal.unknown", goalId);
        }
        jdbc.sql("update policy_survey set goal_id = :g where id = :id").param("g", goalId).param("id", surveyId).update();
        touch(surveyId);
        return load(schoolId, surveyId);
    }

    public boolean hasAnswered(long surveyId, Caller caller) {
        return jdbc.sql("select count(*) from policy_survey_participant where survey_id = :s and person_id = :p")
            .param("s", surveyId).param("p", caller.personId()).query(Long.class).single() > 0;
    }

    /**
     * One person's answers (question id → value: a score 1–5, a choice, or text), stored without the person. Every
     * question must be answered except open ones; a person answers once.
     */
    @Transactional
    public void answer(long schoolId, long surveyId, Map<Long, String> answers, Caller caller) {
        var survey = get(schoolId, surveyId, caller);
        if (survey.status() != Status.OPEN) {
            throw FieldErrorsException.of("survey", "policy.survey.notOpen");
        }
        if (caller.rolesBySchool().getOrDefault(schoolId, java.util.Set.of()).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("only people of the school answer its surveys");
        }
        List<Object[]> rows = new ArrayList<>();
        for (var q : survey.questions()) {
            String value = answers.get(q.id()) == null ? null : answers.get(q.id()).strip();
            String field = "q" + q.id();
            switch (q.kind()) {
                case LIKERT -> {
                    int score;
                    try {
                        score = Integer.parseInt(value == null ? "" : value);
                    } catch (NumberFormatException e) {
                        throw FieldErrorsException.of(field, "policy.survey.answer.likert");
                    }
                    if (score < 1 || score > 5) {
                        throw FieldErrorsException.of(field, "policy.survey.answer.likert");
                    }
                    rows.add(new Object[] {q.id(), score, null, null});
                }
                case CHOICE -> {
                    if (value == null || !q.choices().contains(value)) {
                        throw FieldErrorsException.of(field, "policy.survey.answer.choice");
                    }
                    rows.add(new Object[] {q.id(), null, value, null});
                }
                case OPEN -> {
                    if (value != null && value.length() > 2000) {
                        throw FieldErrorsException.of(field, "policy.survey.answer.long", 2000);
                    }
                    if (value != null && !value.isEmpty()) {
                        rows.add(new Object[] {q.id(), null, null, value});
                    }
                }
            }
        }
        try {
            jdbc.sql("insert into policy_survey_participant (survey_id, person_id) values (:s, :p)")
                .param("s", surveyId).param("p", caller.personId()).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw FieldErrorsException.conflict("survey", "policy.survey.answered");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into policy_survey_response (survey_id, submitted_on) values (:s, :d)")
            .param("s", surveyId).param("d", Date.valueOf(LocalDate.now(clock))).update(keys, "id");
        long response = keys.getKey().longValue();
        for (var row : rows) {
            jdbc.sql("insert into policy_survey_answer (response_id, question_id, likert, choice, answer) values (:r, :q, :l, :c, :a)")
                .param("r", response).param("q", row[0]).param("l", row[1]).param("c", row[2]).param("a", row[3]).update();
        }
    }

    /** The results, or (fewer than {@link #MIN_RESPONSES} responses) only how many came in. Open answers are sorted. */
    public Results results(long schoolId, long surveyId, Caller caller) {
        var survey = get(schoolId, surveyId, caller);
        if (survey.responses() < MIN_RESPONSES) {
            return new Results(survey.responses(), false, List.of());
        }
        List<Result> results = new ArrayList<>();
        for (var q : survey.questions()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            List<String> answers = new ArrayList<>();
            Double average = null;
            long answered;
            if (q.kind() == Kind.LIKERT) {
                for (int score = 1; score <= 5; score++) {
                    counts.put(String.valueOf(score), 0L);
                }
                jdbc.sql("select likert, count(*) from policy_survey_answer where question_id = :q group by likert")
                    .param("q", q.id()).query((rs, n) -> counts.put(String.valueOf(rs.getInt(1)), rs.getLong(2))).list();
                answered = counts.values().stream().mapToLong(Long::longValue).sum();
                long sum = counts.entrySet().stream().mapToLong(e -> Integer.parseInt(e.getKey()) * e.getValue()).sum();
                average = answered == 0 ? null : Math.round(10.0 * sum / answered) / 10.0;
            } else if (q.kind() == Kind.CHOICE) {
                q.choices().forEach(c -> counts.put(c, 0L));
                jdbc.sql("select choice, count(*) from policy_survey_answer where question_id = :q group by choice")
                    .param("q", q.id()).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
                answered = counts.values().stream().mapToLong(Long::longValue).sum();
            } else {
                answers.addAll(jdbc.sql("select answer from policy_survey_answer where question_id = :q and answer is not null order by answer")
                    .param("q", q.id()).query(String.class).list());
                answered = answers.size();
            }
            results.add(new Result(q, answered, average, counts, answers));
        }
        return new Results(survey.responses(), true, results);
    }

    private Survey load(long schoolId, long id) {
        var questions = jdbc.sql("select * from policy_survey_question where survey_id = :id order by sort_order, id").param("id", id)
            .query((rs, n) -> new Question(rs.getLong("id"), rs.getInt("sort_order"), Kind.valueOf(rs.getString("kind")),
                rs.getString("area") == null ? null : Area.valueOf(rs.getString("area")), rs.getString("question"),
                choices(rs.getString("choices"))))
            .list();
        return jdbc.sql("""
                select s.*, (select count(*) from policy_survey_response r where r.survey_id = s.id) as responses
                from policy_survey s where s.id = :id and s.school_id = :s""")
            .param("id", id).param("s", schoolId)
            .query((rs, n) -> new Survey(rs.getLong("id"), rs.getString("title"), UsageRules.Audience.valueOf(rs.getString("audience")),
                Status.valueOf(rs.getString("status")), rs.getObject("goal_id", Long.class), rs.getLong("responses"),
                rs.getInt("version"), rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"), questions))
            .optional().orElseThrow(() -> new NotFoundException("survey", id));
    }

    private Survey requireDraft(long schoolId, long surveyId) {
        var survey = load(schoolId, surveyId);
        if (survey.status() != Status.DRAFT) {
            throw FieldErrorsException.of("status", "policy.survey.notDraft");
        }
        return survey;
    }

    private void insertQuestion(long surveyId, int position, Kind kind, Area area, String question, String choices) {
        jdbc.sql("""
                insert into policy_survey_question (survey_id, sort_order, kind, area, question, choices)
                values (:s, :p, :k, :a, :q, :c)""")
            .param("s", surveyId).param("p", position).param("k", kind.name()).param("a", area == null ? null : area.name())
            .param("q", question).param("c", choices).update();
    }

    private void touch(long surveyId) {
        jdbc.sql("update policy_survey set version = version + 1, updated_at = :at, updated_by = :by where id = :id")
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", surveyId).update();
    }

    private static List<String> choices(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }
}
