package be.spil.knowledge;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.inventory.Assets;
import be.spil.inventory.Software;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge base's API: a school reads its own articles and the group's, each for its audience (public, every
 * signed-in user of the school, staff, ICT team); the school's ICT team (central admins, ICT coordinators, directors,
 * technicians) writes the school's articles, central admins the group's. Every save keeps the replaced text as a version.
 * Search: PostgreSQL full text with Dutch stemming (title first) plus substring, or substring only on H2.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Articles {
    static final String AUDIT_TYPE = "article";
    /** How many suggestions a reporter sees at most. */
    public static final int SUGGESTIONS = 5;
    /** Categories per school (and for the group) at most. */
    static final int MAX_CATEGORIES = 50;

    private static final String SELECT = "select a.id, a.school_id, a.title, a.body, a.format, a.audience, a.archived, a.version, "
        + "a.created_at, a.updated_at, a.updated_by, a.category_id, c.name as category_name from kb_article a "
        + "left join kb_category c on c.id = a.category_id";

    /** Filters of the article list; all optional. */
    public record ArticleFilter(String q, Long categoryId, String tag, Long modelId, Long titleId) {
        public static ArticleFilter text(String q) {
            return new ArticleFilter(q, null, null, null, null);
        }
    }

    /** A category of articles; {@code group}: for every school. */
    public record Category(long id, String name, boolean group) {}

    /** A replaced text of an article: as written by {@code writtenBy}, replaced by {@code replacedBy}. */
    public record Version(int version, String title, String body, BodyFormat format, Instant writtenAt, String writtenBy,
                          Instant replacedAt, String replacedBy) {}

    /** "Was this helpful?" counts. */
    public record Votes(long helpful, long notHelpful) {}

    /** What a ticket reply needs to point at an article: its title, a link (path) and a short plain-text summary. */
    public record Reply(long id, String title, String path, String summary) {}

    private final ArticleRepository articles;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Assets assets;
    private final Software software;
    private final Markdown markdown;
    private final boolean postgres;

    Articles(ArticleRepository articles, JdbcClient jdbc, AuditTrail audit, Clock clock, Assets assets, Software software,
             Markdown markdown, DataSource dataSource) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.assets = assets;
        this.software = software;
        this.markdown = markdown;
        this.postgres = isPostgres(dataSource);
    }

    /** PostgreSQL gets full text search (V96 in db/vendor/postgresql); any other database (H2) the substring search. */
    static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /** The school's ICT team writes its articles and reads those for the team. */
    public static boolean isTeam(Caller caller, long schoolId) {
        return caller.canManage(schoolId) || caller.has(schoolId, Role.TECHNICIAN);
    }

    /** The school's staff (and its team) read articles for staff. */
    static boolean isStaff(Caller caller, long schoolId) {
        return isTeam(caller, schoolId) || caller.has(schoolId, Role.STAFF);
    }

    /** The audiences a caller reads in this school. */
    static List<String> audiences(Caller caller, long schoolId) {
        if (caller == null) {
            return List.of(Audience.PUBLIC.name());
        }
        if (isTeam(caller, schoolId)) {
            return List.of(Audience.PUBLIC.name(), Audience.EVERYONE.name(), Audience.STAFF.name(), Audience.ICT_TEAM.name());
        }
        if (isStaff(caller, schoolId)) {
            return List.of(Audience.PUBLIC.name(), Audience.EVERYONE.name(), Audience.STAFF.name());
        }
        return List.of(Audience.PUBLIC.name(), Audience.EVERYONE.name());
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** The articles a caller (null: anybody, without sign-in) may read in this school: not archived, for their audience. */
    private static String scope(long schoolId, Caller caller, Map<String, Object> params) {
        params.put("school", schoolId);
        params.put("audiences", audiences(caller, schoolId));
        return " where (a.school_id = :school or a.school_id is null) and a.archived = false and a.audience in (:audiences)";
    }

    /** One page of the articles the caller may read, newest first, or those matching {@code q} (title matches first). */
    public PageResult<ArticleView> search(long schoolId, String q, Paging paging, Caller caller) {
        return search(schoolId, ArticleFilter.text(q), paging, caller);
    }

    /** One page of the articles the caller may read with these filters; with text, the best matches first. */
    public PageResult<ArticleView> search(long schoolId, ArticleFilter filter, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        return find(schoolId, filter, paging, caller);
    }

    /** The public articles of a school (and the group's), for the page without sign-in. */
    public PageResult<ArticleView> publicSearch(long schoolId, String q, Paging paging) {
        return find(schoolId, ArticleFilter.text(q), paging, null);
    }

    /** A public article of the school or the group; any other answers 404. */
    public ArticleView publicGet(long schoolId, long id) {
        return articles.findById(id)
            .filter(a -> a.schoolId == null || a.schoolId == schoolId)
            .filter(a -> a.audience == Audience.PUBLIC && !a.archived)
            .map(a -> enrich(List.of(withCategory(a.view()))).get(0))
            .orElseThrow(() -> new NotFoundException("article", id));
    }

    /** The articles (manuals) linked to a hardware model that the caller may read in this school. */
    public List<ArticleView> forModel(long schoolId, long modelId, Caller caller) {
        return search(schoolId, new ArticleFilter(null, null, null, modelId, null), new Paging(0, 100), caller).items();
    }

    /** The articles (manuals) linked to a software title that the caller may read in this school. */
    public List<ArticleView> forTitle(long schoolId, long titleId, Caller caller) {
        return search(schoolId, new ArticleFilter(null, null, null, null, titleId), new Paging(0, 100), caller).items();
    }

    private PageResult<ArticleView> find(long schoolId, ArticleFilter filter, Paging paging, Caller caller) {
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(scope(schoolId, caller, params));
        String order = "a.updated_at desc, a.id desc";
        if (filter.categoryId() != null) {
            where.append(" and a.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where.append(" and exists (select 1 from kb_article_tag t where t.article_id = a.id and t.tag = :tag)");
            params.put("tag", filter.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.modelId() != null) {
            where.append(" and exists (select 1 from kb_article_link l where l.article_id = a.id and l.model_id = :model)");
            params.put("model", filter.modelId());
        }
        if (filter.titleId() != null) {
            where.append(" and exists (select 1 from kb_article_link l where l.article_id = a.id and l.title_id = :softwareTitle)");
            params.put("softwareTitle", filter.titleId());
        }
        String q = filter.q() == null ? "" : filter.q().length() > 200 ? filter.q().substring(0, 200) : filter.q();
        if (!q.isBlank()) {
            params.put("q", Text.likePattern(q));
            if (postgres) {
                // Dutch full text (stemmed words, ranked, title weighs most) or, for parts of words, the substring
                params.put("ftq", q);
                where.append(" and (a.fts @@ websearch_to_tsquery('dutch', :ftq) or a.search_text like :q escape '\\')");
                order = "case when ts_filter(a.fts, '{a}') @@ websearch_to_tsquery('dutch', :ftq) or a.title_key like :q escape '\\'"
                    + " then 0 else 1 end, ts_rank(a.fts, websearch_to_tsquery('dutch', :ftq)) desc, " + order;
            } else {
                where.append(" and a.search_text like :q escape '\\'");
                order = "case when a.title_key like :q escape '\\' then 0 else 1 end, " + order;
            }
        }
        long total = jdbc.sql("select count(*) from kb_article a" + where).params(params).query(Long.class).single();
        var items = jdbc.sql(SELECT + where + " order by " + order + " limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> view(rs)).list();
        return new PageResult<>(enrich(items), paging.page(), paging.size(), total);
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
        return enrich(List.of(withCategory(load(schoolId, id, caller).view()))).get(0);
    }

    private Article load(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        var readable = audiences(caller, schoolId);
        return articles.findById(id)
            .filter(a -> a.schoolId == null || a.schoolId == schoolId)
            .filter(a -> readable.contains(a.audience.name()))
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
        Long owner = form.forGroup() ? null : schoolId;
        var links = checkRelations(schoolId, owner, form, caller);
        var article = articles.save(Article.create(owner, form, clock.instant(), Caller.currentActor()));
        writeRelations(article.id, form.tags(), links);
        audit.record(AUDIT_TYPE, article.id, article.schoolId, Action.CREATED, article.title, Map.of(),
            auditView(article, form.tags(), links));
        return get(schoolId, article.id, caller);
    }

    /** Changes an article (it stays for the school or the group it was written for) and archives or restores it. */
    @Transactional
    public ArticleView update(long schoolId, long id, @Valid ArticleForm form, Boolean archived, Caller caller) {
        var article = load(schoolId, id, caller);
        requireWrite(schoolId, article.schoolId == null, caller);
        StaleVersionException.check(form.version(), article.version, article.updatedBy, article.updatedAt, article::auditView);
        var form2 = form.withGroup(article.schoolId == null);
        var links = checkRelations(schoolId, article.schoolId, form2, caller);
        var current = get(schoolId, id, caller);
        var before = auditView(article, current.tags(), current.links());
        String oldTitle = article.title;
        String oldBody = article.body;
        BodyFormat oldFormat = article.format;
        int oldVersion = article.version;
        Instant writtenAt = article.updatedAt;
        String writtenBy = article.updatedBy;
        Instant now = clock.instant();
        article.change(form2, now, Caller.currentActor());
        if (archived != null) {
            article.setArchived(archived, now, Caller.currentActor());
        }
        var after = auditView(article, form2.tags(), links);
        if (before.equals(after) && oldBody.equals(article.body)) {
            return current;
        }
        try {
            article = articles.save(article);
        } catch (OptimisticLockingFailureException e) {
            var latest = articles.findById(id).orElseThrow();
            throw new StaleVersionException(latest.updatedBy, latest.updatedAt, latest.version, latest.auditView());
        }
        if (!oldTitle.equals(article.title) || !oldBody.equals(article.body) || oldFormat != article.format) {
            jdbc.sql("insert into kb_article_version (article_id, version, title, body, format, written_at, written_by, replaced_at, "
                    + "replaced_by) values (:article, :version, :title, :body, :format, :writtenAt, :writtenBy, :replacedAt, :replacedBy)")
                .param("article", id).param("version", oldVersion).param("title", oldTitle).param("body", oldBody)
                .param("format", oldFormat.name()).param("writtenAt", java.sql.Timestamp.from(writtenAt)).param("writtenBy", writtenBy)
                .param("replacedAt", java.sql.Timestamp.from(now)).param("replacedBy", Caller.currentActor()).update();
        }
        writeRelations(id, form2.tags(), links);
        audit.record(AUDIT_TYPE, article.id, article.schoolId, archived != null && archived ? Action.ARCHIVED : Action.UPDATED,
            article.title, before, after);
        return get(schoolId, id, caller);
    }

    private static Map<String, String> auditView(Article article, List<String> tags, List<ArticleView.Link> links) {
        var m = new LinkedHashMap<>(article.auditView());
        m.put("tags", String.join(", ", tags));
        m.put("links", String.join(", ", links.stream().map(ArticleView.Link::label).sorted().toList()));
        return m;
    }

    /** Checks category, models and titles (field errors otherwise) and returns the links with their names. */
    private List<ArticleView.Link> checkRelations(long schoolId, Long owner, ArticleForm form, Caller caller) {
        if (form.categoryId() != null) {
            long found = jdbc.sql("select count(*) from kb_category where id = :id and (school_id is null or school_id = :owner)")
                .param("id", form.categoryId()).param("owner", owner == null ? -1L : owner).query(Long.class).single();
            if (found == 0) {
                throw FieldErrorsException.of("categoryId", "article.category.unknown");
            }
        }
        var links = new ArrayList<ArticleView.Link>();
        if (!form.modelIds().isEmpty()) {
            var models = assets.modelsById(form.modelIds());
            if (models.size() != form.modelIds().size()) {
                throw FieldErrorsException.of("modelIds", "article.model.unknown");
            }
            models.forEach(m -> links.add(new ArticleView.Link(m.id(), null, cut(m.manufacturer() + " " + m.name(), 210))));
        }
        if (!form.titleIds().isEmpty()) {
            if (owner == null) {
                throw FieldErrorsException.of("titleIds", "article.title.groupArticle");
            }
            for (long titleId : form.titleIds()) {
                try {
                    var title = software.title(schoolId, titleId, caller);
                    links.add(new ArticleView.Link(null, titleId, cut(title.name(), 210)));
                } catch (NotFoundException e) {
                    throw FieldErrorsException.of("titleIds", "article.title.unknown");
                }
            }
        }
        return links;
    }

    private void writeRelations(long articleId, List<String> tags, List<ArticleView.Link> links) {
        jdbc.sql("delete from kb_article_tag where article_id = :id").param("id", articleId).update();
        for (String tag : tags) {
            jdbc.sql("insert into kb_article_tag (article_id, tag) values (:id, :tag)").param("id", articleId).param("tag", tag).update();
        }
        jdbc.sql("delete from kb_article_link where article_id = :id").param("id", articleId).update();
        for (var link : links) {
            jdbc.sql("insert into kb_article_link (article_id, model_id, title_id, label) values (:id, :model, :softwareTitle, :label)")
                .param("id", articleId).param("model", link.modelId(), java.sql.Types.BIGINT)
                .param("softwareTitle", link.titleId(), java.sql.Types.BIGINT).param("label", link.label()).update();
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    public List<AuditTrail.Entry> history(long schoolId, long id, Caller caller) {
        var article = load(schoolId, id, caller);
        return audit.history(AUDIT_TYPE, article.id);
    }

    // ---- versions ----

    /** The replaced texts of an article, newest first (the ICT team only). */
    public List<Version> versions(long schoolId, long id, Caller caller) {
        var article = load(schoolId, id, caller);
        requireTeam(schoolId, caller);
        return jdbc.sql("select * from kb_article_version where article_id = :id order by version desc, id desc limit 200")
            .param("id", article.id).query((rs, n) -> version(rs)).list();
    }

    /** One replaced text of an article, by the version it had (the ICT team only). */
    public Version version(long schoolId, long id, int version, Caller caller) {
        var article = load(schoolId, id, caller);
        requireTeam(schoolId, caller);
        return jdbc.sql("select * from kb_article_version where article_id = :id and version = :version order by id desc limit 1")
            .param("id", article.id).param("version", version).query((rs, n) -> version(rs)).optional()
            .orElseThrow(() -> new NotFoundException("article version", version));
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getInt("version"), rs.getString("title"), rs.getString("body"), BodyFormat.valueOf(rs.getString("format")),
            rs.getTimestamp("written_at").toInstant(), rs.getString("written_by"), rs.getTimestamp("replaced_at").toInstant(),
            rs.getString("replaced_by"));
    }

    private static void requireTeam(long schoolId, Caller caller) {
        if (!isTeam(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    // ---- was this helpful? ----

    /** The caller's vote on an article (one per person, changeable). */
    @Transactional
    public void vote(long schoolId, long id, boolean helpful, Caller caller) {
        var article = load(schoolId, id, caller);
        int changed = jdbc.sql("update kb_article_vote set helpful = :helpful, voted_at = :at where article_id = :id and person_id = :person")
            .param("helpful", helpful).param("at", java.sql.Timestamp.from(clock.instant())).param("id", article.id)
            .param("person", caller.personId()).update();
        if (changed == 0) {
            jdbc.sql("insert into kb_article_vote (article_id, person_id, helpful, voted_at) values (:id, :person, :helpful, :at)")
                .param("helpful", helpful).param("at", java.sql.Timestamp.from(clock.instant())).param("id", article.id)
                .param("person", caller.personId()).update();
        }
    }

    /** The caller's own vote, or null. */
    public Boolean myVote(long schoolId, long id, Caller caller) {
        var article = load(schoolId, id, caller);
        return jdbc.sql("select helpful from kb_article_vote where article_id = :id and person_id = :person").param("id", article.id)
            .param("person", caller.personId()).query(Boolean.class).optional().orElse(null);
    }

    /** The counts of votes (the ICT team only). */
    public Votes votes(long schoolId, long id, Caller caller) {
        var article = load(schoolId, id, caller);
        requireTeam(schoolId, caller);
        return jdbc.sql("select coalesce(sum(case when helpful then 1 else 0 end), 0) as yes, "
                + "coalesce(sum(case when helpful then 0 else 1 end), 0) as no_count from kb_article_vote where article_id = :id")
            .param("id", article.id).query((rs, n) -> new Votes(rs.getLong("yes"), rs.getLong("no_count"))).single();
    }

    // ---- categories ----

    /** The categories of the school and of the group, by name. */
    public List<Category> categories(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select id, name, school_id from kb_category where school_id = :school or school_id is null order by name_key, id")
            .param("school", schoolId).query((rs, n) -> {
                rs.getLong("school_id");
                return new Category(rs.getLong("id"), rs.getString("name"), rs.wasNull());
            }).list();
    }

    /** A new category for the school (its ICT team) or the group (central admins); names are unique, ignoring case. */
    @Transactional
    public Category createCategory(long schoolId, String name, boolean group, Caller caller) {
        requireWrite(schoolId, group, caller);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw FieldErrorsException.of("name", "article.category.required");
        }
        if (clean.length() > 60) {
            throw FieldErrorsException.of("name", "article.category.tooLong");
        }
        String key = Text.searchKey(clean);
        Long owner = group ? null : schoolId;
        String sameOwner = owner == null ? "school_id is null" : "school_id = :owner";
        long count = jdbc.sql("select count(*) from kb_category where " + sameOwner).params(owner == null ? Map.of() : Map.of("owner", owner))
            .query(Long.class).single();
        if (count >= MAX_CATEGORIES) {
            throw FieldErrorsException.of("name", "article.category.tooMany");
        }
        long same = jdbc.sql("select count(*) from kb_category where name_key = :key and (school_id is null or school_id = :school)")
            .param("key", key).param("school", schoolId).query(Long.class).single();
        if (same > 0) {
            throw FieldErrorsException.conflict("name", "article.category.duplicate");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into kb_category (school_id, name, name_key, created_at) values (:owner, :name, :key, :at)")
            .param("owner", owner, java.sql.Types.BIGINT).param("name", clean).param("key", key)
            .param("at", java.sql.Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("article-category", id, owner, Action.CREATED, clean, Map.of(), Map.of("name", clean));
        return new Category(id, clean, group);
    }

    // ---- for the helpdesk ----

    /**
     * What a ticket reply needs to point at an article the caller may read: title, path of the article page (the public
     * page for a public article) and a plain-text summary of at most 300 characters.
     */
    public Reply reply(long schoolId, String schoolCode, long id, Caller caller) {
        var a = get(schoolId, id, caller);
        String text = markdown.plainText(a.body(), a.format()).strip().replaceAll("\\s+", " ");
        String summary = text.length() > 300 ? text.substring(0, 297).strip() + "…" : text;
        String path = a.audience() == Audience.PUBLIC ? "/kb/" + schoolCode + "/" + a.id() : "/schools/" + schoolCode + "/knowledge/" + a.id();
        return new Reply(a.id(), a.title(), path, summary);
    }

    /**
     * The link to the new-article form filled in with a title and text, e.g. from a resolved ticket (subject and
     * solution); the text is cut to 4,000 characters to keep the link short.
     */
    public String newArticleLink(String schoolCode, String title, String text) {
        return draftLink(schoolCode, title, text);
    }

    /** {@link #newArticleLink}, without the service. */
    public static String draftLink(String schoolCode, String title, String text) {
        String t = title == null ? "" : title.length() > 200 ? title.substring(0, 200) : title;
        String b = text == null ? "" : text.length() > 4000 ? text.substring(0, 4000) : text;
        return "/schools/" + schoolCode + "/knowledge/new?title=" + encode(t) + "&body=" + encode(b);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- rows ----

    private ArticleView withCategory(ArticleView v) {
        if (v.categoryId() == null) {
            return v;
        }
        String name = jdbc.sql("select name from kb_category where id = :id").param("id", v.categoryId()).query(String.class).optional().orElse(null);
        return v.with(name, v.tags(), v.links());
    }

    /** Adds tags and links to a page of articles (two queries for the page). */
    private List<ArticleView> enrich(List<ArticleView> items) {
        if (items.isEmpty()) {
            return items;
        }
        var ids = items.stream().map(ArticleView::id).toList();
        var tags = new HashMap<Long, List<String>>();
        jdbc.sql("select article_id, tag from kb_article_tag where article_id in (:ids) order by tag").param("ids", ids)
            .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        var links = new HashMap<Long, List<ArticleView.Link>>();
        jdbc.sql("select article_id, model_id, title_id, label from kb_article_link where article_id in (:ids) order by label")
            .param("ids", ids).query((rs, n) -> {
                Long model = rs.getObject("model_id") == null ? null : rs.getLong("model_id");
                Long title = rs.getObject("title_id") == null ? null : rs.getLong("title_id");
                return links.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                    .add(new ArticleView.Link(model, title, rs.getString("label")));
            }).list();
        return items.stream().map(a -> a.with(a.category(), List.copyOf(tags.getOrDefault(a.id(), List.of())),
            List.copyOf(links.getOrDefault(a.id(), List.of())))).toList();
    }

    private static ArticleView view(ResultSet rs) throws SQLException {
        rs.getLong("school_id");
        boolean group = rs.wasNull();
        Long category = rs.getObject("category_id") == null ? null : rs.getLong("category_id");
        return new ArticleView(rs.getLong("id"), rs.getString("title"), rs.getString("body"), BodyFormat.valueOf(rs.getString("format")),
            Audience.valueOf(rs.getString("audience")), group, rs.getBoolean("archived"), rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
            category, rs.getString("category_name"), List.of(), List.of());
    }
}
