package be.spil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.spil.support.SpilIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document lists every /api/v1 handler the application has, each with a summary. */
@SpilIntegrationTest
class OpenApiTest {
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    @Test
    void everyApiHandlerIsDocumentedWithASummary() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(json).get("paths");
        assertThat(paths).as("paths in " + json).isNotNull();

        var expected = new TreeSet<String>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            assertThat(info.getPathPatternsCondition()).isNotNull();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") && !pattern.equals("/api/v1")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s in %s names its HTTP method", pattern, method).isNotEmpty();
                methods.forEach(m -> expected.add(m.name() + " " + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
            }
        });
        assertThat(expected).as("the app has API handlers").hasSizeGreaterThan(5);

        var missing = new ArrayList<String>();
        var withoutSummary = new ArrayList<String>();
        for (String handler : expected) {
            String[] parts = handler.split(" ", 2);
            JsonNode operation = paths.path(parts[1]).path(parts[0].toLowerCase(java.util.Locale.ROOT));
            if (operation.isMissingNode()) {
                missing.add(handler);
            } else if (operation.path("summary").asString("").isBlank()) {
                withoutSummary.add(handler);
            }
        }
        assertThat(missing).as("handlers missing from /v3/api-docs").isEmpty();
        assertThat(withoutSummary).as("documented handlers without a summary").isEmpty();
    }

    @Test
    void theDocumentHasNoPathsTheAppDoesNotServe() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        var documented = new ArrayList<String>();
        JsonMapper.builder().build().readTree(json).get("paths").properties()
            .forEach(e -> e.getValue().properties().forEach(op -> documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + e.getKey())));
        List<String> served = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition().getPatternValues()
            .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + p))));
        assertThat(served).containsAll(documented);
    }
}
