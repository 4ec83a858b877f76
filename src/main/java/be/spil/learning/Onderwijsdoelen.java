package be.spil.learning;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the Flemish goals up to date from the government's onderwijsdoelen service: a file exported from it (JSON, read by
 * {@link OnderwijsdoelenFile}, or CSV) becomes a new version of a framework; with an API key configured
 * ({@code spil.learning.onderwijsdoelen.api-key}), the server itself fetches the goals from the Onderwijsdoelen API
 * ({@code GET {base-url}{path}?{query}}, by default {@code https://onderwijs.api.vlaanderen.be/onderwijsdoelen/onderwijsdoel},
 * key in the header {@code x-api-key}), page by page ({@code paginanr}, {@code rijen_per_pagina}) until it has
 * {@code gegevens.totalItems} goals. The key never leaves the server. Central admins only: the goals are the whole group's.
 */
@Service
public class Onderwijsdoelen {
    private static final Logger log = LoggerFactory.getLogger(Onderwijsdoelen.class);

    private final Frameworks frameworks;
    static final int PAGE_ROWS = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String path;
    private final String apiKey;
    private final String apiKeyHeader;
    private final HttpClient http;

    Onderwijsdoelen(Frameworks frameworks,
                    @Value("${spil.learning.onderwijsdoelen.base-url:https://onderwijs.api.vlaanderen.be/onderwijsdoelen}") String baseUrl,
                    @Value("${spil.learning.onderwijsdoelen.path:/onderwijsdoel}") String path,
                    @Value("${spil.learning.onderwijsdoelen.api-key:}") String apiKey,
                    @Value("${spil.learning.onderwijsdoelen.api-key-header:x-api-key}") String apiKeyHeader,
                    @Value("${spil.learning.onderwijsdoelen.timeout-seconds:20}") int timeoutSeconds) {
        this.frameworks = frameworks;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String p = path == null || path.isBlank() ? "" : path.strip();
        this.path = p.isEmpty() || p.startsWith("/") ? p : "/" + p;
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.apiKeyHeader = apiKeyHeader;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** Whether an API key is configured, so the official API can be asked. */
    public boolean apiConfigured() {
        return !apiKey.isEmpty();
    }

    /** What to call the new version: the framework's code (e.g. vl-sec-sc4), version, Dutch and English names, audience. */
    public record Target(String code, String version, String name, String nameEn) {}

    /** Imports an export of the onderwijsdoelen service as a new version of a group framework (JSON or CSV). */
    public ImportResult importExport(byte[] bytes, Target target, boolean dryRun, Locale locale, Caller caller) {
        caller.requireCentralAdmin();
        FrameworkFile.Data data;
        try {
            data = data(bytes, target);
        } catch (FrameworkFile.Unreadable e) {
            throw FieldErrorsException.of("file", e.code, e.args);
        }
        return frameworks.importFramework(null, data, dryRun, locale, caller);
    }

    private static FrameworkFile.Data data(byte[] bytes, Target target) {
        List<FrameworkFile.Item> items;
        List<String> stages;
        String version = target.version();
        String name = target.name();
        if (FrameworkFile.looksLikeJson(bytes) || FrameworkFile.decode(bytes).stripLeading().startsWith("[")) {
            var read = OnderwijsdoelenFile.read(bytes);
            items = read.items();
            stages = read.stages();
            if (blank(version)) {
                version = read.version();
            }
            if (blank(name)) {
                name = read.title();
            }
        } else {
            items = FrameworkFile.csv(bytes);
            stages = items.stream().map(FrameworkFile.Item::level).filter(l -> !blank(l)).map(String::strip).distinct().toList();
        }
        var levels = new ArrayList<>(stages);
        if (levels.isEmpty()) {
            levels.add("-");
        }
        return new FrameworkFile.Data(target.code(), version, name, target.nameEn(), FrameworkFile.Audience.PUPIL, levels,
            "Vlaamse overheid, onderwijsdoelen.be (https://www.onderwijsdoelen.be)",
            "Officiële tekst van de overheid (decreettekst, publiek)", null,
            "Ingelezen uit een export van de onderwijsdoelen-dienst van de Vlaamse overheid.", items);
    }

    /**
     * Fetches goals from the official API (server-side, with the configured key) and imports them like an export.
     * {@code query}: the query string the API takes for the wanted set (e.g.
     * {@code onderwijsniveau=Secundair%20onderwijs&so_graad=2de%20graad}). Without {@code paginanr} in it, every page
     * is fetched ({@value #PAGE_ROWS} goals a page, unless {@code rijen_per_pagina} says otherwise) until the answer's
     * {@code gegevens.totalItems} are in; an answer in another shape is imported as it is.
     */
    public ImportResult fetch(String query, Target target, boolean dryRun, Locale locale, Caller caller) {
        caller.requireCentralAdmin();
        if (!apiConfigured()) {
            throw FieldErrorsException.of("apiKey", "learning.onderwijsdoelen.noKey");
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > 500 || !q.matches("[A-Za-z0-9_.=&%,:+-]*")) {
            throw FieldErrorsException.of("query", "learning.onderwijsdoelen.query.invalid");
        }
        if (has(q, "paginanr")) {
            return importExport(get(q), target, dryRun, locale, caller);
        }
        int rows = has(q, "rijen_per_pagina") ? 0 : PAGE_ROWS;
        ArrayNode members = JSON.createArrayNode();
        Long total = null;
        int maxPages = FrameworkFile.MAX_ROWS / PAGE_ROWS + 1;
        for (int page = 1; page <= maxPages; page++) {
            String paged = (q.isEmpty() ? "" : q + "&") + "paginanr=" + page + (rows > 0 ? "&rijen_per_pagina=" + rows : "");
            byte[] body = get(paged);
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (JacksonException e) {
                root = null;
            }
            JsonNode data = root == null || !root.isObject() ? null : root.get("gegevens");
            JsonNode list = data == null || !data.isObject() ? null : data.get("member");
            if (list == null || !list.isArray()) {
                if (page == 1) {
                    return importExport(body, target, dryRun, locale, caller);
                }
                break;
            }
            if (data.hasNonNull("totalItems") && data.get("totalItems").canConvertToLong()) {
                total = data.get("totalItems").asLong();
                if (total > FrameworkFile.MAX_ROWS) {
                    throw FieldErrorsException.of("query", "learning.import.tooManyRows", FrameworkFile.MAX_ROWS);
                }
            }
            list.forEach(members::add);
            if (list.isEmpty() || (total != null && members.size() >= total) || total == null && rows > 0 && list.size() < rows) {
                break;
            }
        }
        if (total != null && members.size() < total) {
            throw FieldErrorsException.of("query", "learning.onderwijsdoelen.incomplete", members.size(), total);
        }
        ObjectNode all = JSON.createObjectNode();
        all.putObject("gegevens").put("totalItems", members.size()).set("member", members);
        return importExport(JSON.writeValueAsBytes(all), target, dryRun, locale, caller);
    }

    private static boolean has(String query, String parameter) {
        return ("&" + query).contains("&" + parameter + "=");
    }

    /** One call of the API: the body of a 200 answer, else a field error on {@code query}. */
    private byte[] get(String query) {
        URI uri = URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
            .header(apiKeyHeader, apiKey).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("Onderwijsdoelen API at {} not reachable: {}", baseUrl, e.toString());
            throw FieldErrorsException.of("query", "learning.onderwijsdoelen.unreachable", baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FieldErrorsException.of("query", "learning.onderwijsdoelen.unreachable", baseUrl);
        }
        if (response.statusCode() != 200) {
            log.warn("Onderwijsdoelen API answered {} for {}", response.statusCode(), uri.getPath());
            throw FieldErrorsException.of("query", "learning.onderwijsdoelen.refused", response.statusCode());
        }
        return response.body();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
