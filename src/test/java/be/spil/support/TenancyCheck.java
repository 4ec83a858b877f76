package be.spil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Proves the rights and tenancy rules for a module's endpoints, for the API and for the UI alike:
 * an anonymous caller gets 401 (API) or the sign-in page (UI); a user of another school gets 404; a STAFF
 * user of the school gets 403 on admin actions; and none of these changes the record (checked through
 * {@link #unchanged}). Finally the school's manager gets a success, so the 404s are not trivially true.
 * Every later module uses this for each new endpoint.
 */
public final class TenancyCheck {
    private record Endpoint(HttpMethod method, String path, String body, boolean admin) {}

    private final MockMvc mvc;
    private final boolean api;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private String outsider;
    private String staff;
    private String manager;
    private String unchangedPath;

    private TenancyCheck(MockMvc mvc, boolean api) {
        this.mvc = mvc;
        this.api = api;
    }

    /** For /api/v1 endpoints, called with HTTP Basic. */
    public static TenancyCheck api(MockMvc mvc) {
        return new TenancyCheck(mvc, true);
    }

    /** For UI pages and form posts, called with a signed-in session (and CSRF token). */
    public static TenancyCheck ui(MockMvc mvc) {
        return new TenancyCheck(mvc, false);
    }

    /** Email of a user of another school (any role there, even coordinator). */
    public TenancyCheck outsider(String email) {
        this.outsider = email;
        return this;
    }

    /** Email of a STAFF user of the owning school. */
    public TenancyCheck staff(String email) {
        this.staff = email;
        return this;
    }

    /** Email of an ICT coordinator of the owning school, for whom every endpoint works. */
    public TenancyCheck manager(String email) {
        this.manager = email;
        return this;
    }

    /** An API path (read by the manager) whose answer must be the same before and after the refused calls. */
    public TenancyCheck unchanged(String apiPath) {
        this.unchangedPath = apiPath;
        return this;
    }

    public TenancyCheck read(String path) {
        endpoints.add(new Endpoint(HttpMethod.GET, path, null, false));
        return this;
    }

    public TenancyCheck admin(HttpMethod method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, true));
        return this;
    }

    public void verify() throws Exception {
        assertThat(outsider).as("outsider").isNotNull();
        assertThat(manager).as("manager").isNotNull();
        String before = unchangedPath == null ? null : snapshot();
        var managerSession = api ? null : session(manager);
        var outsiderSession = api ? null : session(outsider);
        var staffSession = staff == null || api ? null : session(staff);
        for (Endpoint e : endpoints) {
            var anonymous = call(e, null, null).getResponse();
            if (api) {
                assertThat(anonymous.getStatus()).as("anonymous %s %s", e.method(), e.path()).isEqualTo(401);
                assertThat(anonymous.getHeader("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Basic");
            } else if (e.method() == HttpMethod.GET) {
                assertThat(anonymous.getStatus()).as("anonymous %s %s", e.method(), e.path()).isEqualTo(302);
                assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
            } else {
                assertThat(anonymous.getStatus()).as("anonymous %s %s", e.method(), e.path()).isIn(302, 401, 403);
            }
            assertThat(call(e, outsider, outsiderSession).getResponse().getStatus())
                .as("user of another school: %s %s", e.method(), e.path()).isEqualTo(404);
            if (staff != null) {
                int status = call(e, staff, staffSession).getResponse().getStatus();
                if (e.admin()) {
                    assertThat(status).as("STAFF on admin action %s %s", e.method(), e.path()).isEqualTo(403);
                } else {
                    assertThat(status).as("STAFF reads %s %s", e.method(), e.path()).isLessThan(400);
                }
            }
        }
        if (before != null) {
            assertThat(snapshot()).as("refused calls changed nothing").isEqualTo(before);
        }
        for (Endpoint e : endpoints) {
            var response = call(e, manager, managerSession).getResponse();
            assertThat(response.getStatus()).as("manager %s %s: %s", e.method(), e.path(), response.getContentAsString())
                .isLessThan(400);
        }
    }

    private String snapshot() throws Exception {
        return mvc.perform(get(unchangedPath).with(httpBasic(manager, Fixtures.PASSWORD)))
            .andReturn().getResponse().getContentAsString();
    }

    private MvcResult call(Endpoint e, String user, MockHttpSession session) throws Exception {
        MockHttpServletRequestBuilder builder = request(e.method(), e.path());
        if (e.body() != null) {
            builder.contentType(api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED).content(e.body());
        }
        if (api && user != null) {
            builder.with(httpBasic(user, Fixtures.PASSWORD));
        }
        if (!api) {
            builder.accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
            if (session != null) {
                builder.session(session);
            }
            if (e.method() != HttpMethod.GET) {
                builder.with(csrf());
            }
        }
        return mvc.perform(builder).andReturn();
    }

    /** Signs in through the real form and returns the session. */
    public static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
        var result = mvc.perform(post("/login").param("email", email).param("password", Fixtures.PASSWORD).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", email).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private MockHttpSession session(String email) throws Exception {
        return signIn(mvc, email);
    }
}
