package be.spil.knowledge;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge base's API: a school reads its own articles and the group's; articles for the ICT team only show to
 * the team (central admins, ICT coordinators, directors, technicians), who also write the school's articles. Group
 * articles are written by central admins.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Articles {
    static final String AUDIT_TYPE = "article";
    /** How many suggestions a reporter sees at most. */
    public static final int SUGGESTIONS = 5;

    private static final String SELECT = "select id, school_id, title, body, format, audience, archived, version, created_at, "
        + "updated_at, updated_by from kb_article a";

    private final ArticleRepository articles;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Articles(ArticleRepository articles, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The school's ICT team writes its articles and reads those for the team. */
    public static boolean isTeam(Caller caller, long schoolId) {
        return caller.canManage(schoolId) || caller.has(schoolId, Role.TECHNICIAN);
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** The articles a caller may read in this school: the school's and the group's, not archived, for their audience. */
    private static String scope(long schoolId, Caller caller, Map<String, Object> params) {
        params.put("school", schoolId);
        return " where (a.school_id = :school or a.school_id is null) and a.archived = false"
            + (isTeam(caller, schoolId) ? "" : " and a.audience = 'TEACHERS'");
    }

    /** One page of the articles the caller may read, newest first, or those matching {@code q} (title matches first). */
    public PageResult<ArticleView> search(long schoolId, String q, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(scope(schoolId, caller, params));
        String order = "a.updated_at desc, a.id desc";
        if (q != null && !q.isBlank()) {
            where.append(" and a.search_text like :q escape '\\'");
            params.put("q", Text.likePattern(q));
            order = "case when a.title_key like :q escape '\\' then 0 else 1 end, " + order;
        }
        long total = jdbc.sql("select count(*) from kb_article a" + where).params(params).query(Long.class).single();
        var items = jdbc.sql(SELECT + where + " order by " + order + " limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> view(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /**
     * Articles that may help with a problem described by {@code text} (a ticket subject being typed): those containing
     * the most of its words (of 4 letters or more, at most 6), best first; none for a text without such words.
     */
    public List<ArticleView> suggest(long schoolId, String text, Caller caller) {
        requireSee(schoolId, caller);
        var words = Arrays.stream(Text.searchKey(text == null ? "" : text.length() > 200 ? text.substring(0, 200) : text).split("[^\\p{L}\\p{N}]+"))
            .filter(w -> w.length() >= 4).distinct().limit(6).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(scope(schoolId, caller, params)).append(" and (");
        var score = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            params.put("w" + i, Text.likePattern(words.get(i)));
            where.append(i == 0 ? "" : " or ").append("a.search_text like :w").append(i).append(" escape '\\'");
            score.add("case when a.search_text like :w" + i + " escape '\\' then 1 else 0 end"
                + " + case when a.title_key like :w" + i + " escape '\\' then 2 else 0 end");
        }
        where.append(")");
        return jdbc.sql(SELECT + where + " order by " + String.join(" + ", score) + " desc, a.updated_at desc limit " + SUGGESTIONS)
            .params(params).query((rs, n) -> view(rs)).list();
    }

    public ArticleView get(long schoolId, long id, Caller caller) {
        return load(schoolId, id, caller).view();
    }

    private Article load(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        return articles.findById(id)
            .filter(a -> a.schoolId == null || a.schoolId == schoolId)
            .filter(a -> a.audience == Audience.TEACHERS || isTeam(caller, schoolId))
            .filter(a -> !a.archived || isTeam(caller, schoolId))
            .orElseThrow(() -> new NotFoundException("article", id));
    }

    private static void requireWrite(long schoolId, boolean group, Caller caller) {
        requireSee(schoolId, caller);
        if (group ? !caller.centralAdmin() : !isTeam(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    @Transactional
    public ArticleView create(long schoolId, @Valid ArticleForm form, Caller caller) {
        requireWrite(schoolId, form.forGroup(), caller);
        var article = articles.save(Article.create(form.forGroup() ? null : schoolId, form, clock.instant(), Caller.currentActor()));
        audit.record(AUDIT_TYPE, article.id, article.schoolId, Action.CREATED, article.title, Map.of(), article.auditView());
        return article.view();
    }

    /** Changes an article (it stays for the school or the group it was written for) and archives or restores it. */
    @Transactional
    public ArticleView update(long schoolId, long id, @Valid ArticleForm form, Boolean archived, Caller caller) {
        var article = load(schoolId, id, caller);
        requireWrite(schoolId, article.schoolId == null, caller);
        StaleVersionException.check(form.version(), article.version, article.updatedBy, article.updatedAt, article::auditView);
        var before = article.auditView();
        article.change(new ArticleForm(form.title(), form.body(), form.format(), form.audience(), article.schoolId == null,
            form.version()), clock.instant(), Caller.currentActor());
        if (archived != null) {
            article.setArchived(archived, clock.instant(), Caller.currentActor());
        }
        if (before.equals(article.auditView())) {
            return load(schoolId, id, caller).view();
        }
        try {
            article = articles.save(article);
        } catch (OptimisticLockingFailureException e) {
            var current = articles.findById(id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
        audit.record(AUDIT_TYPE, article.id, article.schoolId, archived != null && archived ? Action.ARCHIVED : Action.UPDATED,
            article.title, before, article.auditView());
        return article.view();
    }

    public List<AuditTrail.Entry> history(long schoolId, long id, Caller caller) {
        var article = load(schoolId, id, caller);
        return audit.history(AUDIT_TYPE, article.id);
    }

    private static ArticleView view(ResultSet rs) throws SQLException {
        rs.getLong("school_id");
        boolean group = rs.wasNull();
        return new ArticleView(rs.getLong("id"), rs.getString("title"), rs.getString("body"), BodyFormat.valueOf(rs.getString("format")),
            Audience.valueOf(rs.getString("audience")), group, rs.getBoolean("archived"), rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
