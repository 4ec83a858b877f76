package be.spil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * All visible text comes from the message bundles, Dutch and English alike: the bundles have the same keys,
 * every message key a template or a flash message names exists, every bundle is registered, and templates hold no
 * literal text a reader would see (text, placeholder, title, aria-label, alt) outside what Thymeleaf replaces.
 */
class I18nTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    /** Words that are the same in every language: the product's name and the languages' own names. */
    private static final Set<String> ALLOWED_TEXT = Set.of("Spil", "English", "Nederlands");
    /** Attributes that make Thymeleaf replace the element's body (or the element), so its sample text never shows. */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors", "th:remove",
        "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");
    private static final List<String> VISIBLE_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.\\-]*)\\s*[}(]");
    private static final Pattern FLASH_KEY = Pattern.compile("addFlashAttribute\\(\"message\",([^;]*)\\);");
    private static final Pattern STRING = Pattern.compile("\"([^\"]+)\"");

    @Test
    void everyBundleHasTheSameKeysInDutchAndEnglish() throws IOException {
        var problems = new ArrayList<String>();
        for (Path dutch : dutchBundles()) {
            Path english = dutch.resolveSibling(dutch.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(english).as("English bundle beside %s", dutch).exists();
            var nl = keys(dutch);
            var en = keys(english);
            var onlyNl = new TreeSet<>(nl);
            onlyNl.removeAll(en);
            var onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(nl);
            if (!onlyNl.isEmpty()) {
                problems.add(english.getFileName() + " lacks " + onlyNl);
            }
            if (!onlyEn.isEmpty()) {
                problems.add(dutch.getFileName() + " lacks " + onlyEn);
            }
            load(dutch).forEach((k, v) -> {
                if (v.toString().isBlank()) {
                    problems.add(dutch.getFileName() + ": " + k + " is empty");
                }
            });
        }
        assertThat(problems).as("bundles out of sync").isEmpty();
    }

    @Test
    void everyBundleIsRegisteredWithSpring() throws IOException {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher m = Pattern.compile("basename:\\s*(\\S+)").matcher(yaml);
        assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
        var registered = Set.of(m.group(1).split(","));
        for (Path dutch : dutchBundles()) {
            String name = "i18n/" + dutch.getFileName().toString().replace(".properties", "");
            assertThat(registered).as("spring.messages.basename lists %s", name).contains(name);
        }
    }

    @Test
    void everyMessageKeyNamedInTemplatesAndFlashMessagesExists() throws IOException {
        var known = new TreeSet<String>();
        for (Path dutch : dutchBundles()) {
            known.addAll(keys(dutch));
        }
        var missing = new ArrayList<String>();
        for (Path template : templates()) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": #{" + m.group(1) + "}");
                }
            }
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = FLASH_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    Matcher s = STRING.matcher(m.group(1));
                    while (s.find()) {
                        if (!known.contains(s.group(1))) {
                            missing.add(JAVA.relativize(source) + ": flash message " + s.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).as("message keys without a message").isEmpty();
    }

    @Test
    void templatesShowNoLiteralText() throws Exception {
        var found = new ArrayList<String>();
        for (Path template : templates()) {
            var document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration())
                .parse(template.toString(), reader(Files.readString(template)));
            visit(document, false, TEMPLATES.relativize(template).toString(), found);
        }
        assertThat(found).as("literal text in templates; take it from a bundle with th:text or #{...}").isEmpty();
    }

    /** The checker itself finds what it must, and lets pass what Thymeleaf replaces. */
    @Test
    void literalTextCheckFindsTextAndAttributesButNotReplacedSamples() throws Exception {
        var html = """
            <html th:replace="~{fragments/layout :: page(~{::title}, ~{::section})}"><body>
              <h1>Hallo</h1>
              <p th:text="#{x}">sample</p>
              <div th:replace="~{a :: b}"><span>sample</span></div>
              <input placeholder="Zoek" title="x" th:attr="title=#{t}">
              <img alt="logo">
              <a>Spil</a> <span>·</span> <b>[[#{x}]]</b>
              <div th:replace="~{a :: b}" title="gone"></div>
              <script>var text = 'not text';</script>
            </body></html>""";
        var found = new ArrayList<String>();
        visit(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse("sample", reader(html)), false, "sample", found);
        assertThat(found).hasSize(3)
            .anyMatch(f -> f.contains("Hallo")).anyMatch(f -> f.contains("placeholder=\"Zoek\"")).anyMatch(f -> f.contains("alt=\"logo\""));
    }

    private static void visit(INestableNode node, boolean replaced, String file, List<String> found) {
        for (INode child : node.getChildren()) {
            if (child instanceof Element e) {
                String name = e.getElementName().toLowerCase();
                if (name.equals("script") || name.equals("style")) {
                    continue;
                }
                Map<String, String> attributes = e.getAttributeMap();
                // A page template's <html th:replace="~{layout :: page(~{::title}, ~{::section})}"> passes its parts on
                // to the layout, which shows them: that replace hides nothing.
                boolean layoutCall = name.equals("html");
                boolean replacing = replaced || !layoutCall && attributes.keySet().stream().anyMatch(REPLACING::contains);
                boolean shown = !replaced && (layoutCall || !attributes.containsKey("th:replace"));
                for (String attribute : shown ? VISIBLE_ATTRIBUTES : List.<String>of()) {
                    String value = attributes.get(attribute);
                    String thAttr = attributes.getOrDefault("th:attr", "");
                    if (value != null && hasWords(value) && !attributes.containsKey("th:" + attribute)
                        && !thAttr.matches("(?s).*\\b" + Pattern.quote(attribute) + "\\s*=.*")) {
                        found.add(file + ": <" + name + " " + attribute + "=\"" + value + "\">");
                    }
                }
                visit(e, replacing, file, found);
            } else if (child instanceof Text t && !replaced) {
                String text = t.getContent().replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "").strip();
                if (hasWords(text) && !ALLOWED_TEXT.contains(text)) {
                    found.add(file + ": text \"" + text + "\" in <" + elementName(node) + ">");
                }
            }
        }
    }

    private static String elementName(INestableNode node) {
        return node instanceof Element e ? e.getElementName() : "document";
    }

    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static Reader reader(String text) {
        return new StringReader(text);
    }

    private static List<Path> dutchBundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".properties"))
                .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties")).sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> keys(Path bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(Path bundle) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
