package be.spil.security;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Identity;
import be.spil.directory.People;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in with an OpenID Connect provider (Entra ID, Google Workspace, LeerID, ...). The provider's person is
 * matched to a known person: first by the id stored at an earlier sign-in ({@code spil.oidc.<registration>.id-claim},
 * default {@code sub}; {@code ov_account_uuid} for LeerID), else by a verified email — and that id is then stored.
 * Nobody unknown gets in, nor an archived or disabled person. The session then holds the same
 * {@link SpilPrincipal} as after a password, so everything downstream works the same.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser>, AuthenticationSuccessHandler {
    static final String UNKNOWN = "spil_unknown_person";
    static final String DISABLED = "spil_disabled";
    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** The provider's user, with the Spil person it was matched to. */
    static final class MatchedUser extends DefaultOidcUser {
        private final long personId;

        MatchedUser(OidcUser user, long personId) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.personId = personId;
        }

        long personId() {
            return personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MatchedUser m && m.personId == personId && super.equals(o);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(personId) * 31 + super.hashCode();
        }
    }

    private final OidcUserService delegate = new OidcUserService();
    private final People people;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Environment environment;
    private final SignInSuccessHandler success;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignIn(People people, Accounts accounts, AuditTrail audit, Environment environment, SignInSuccessHandler success) {
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.environment = environment;
        this.success = success;
    }

    /** The claim that identifies a person at this provider ({@code spil.oidc.<registration>.id-claim}, default sub). */
    String idClaim(String registrationId) {
        return environment.getProperty("spil.oidc." + registrationId + ".id-claim", "sub");
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Object idValue = user.getClaims().get(idClaim(registration));
        String externalId = idValue == null || idValue.toString().isBlank() || idValue.toString().length() > 200 ? null : idValue.toString();
        Optional<Identity> identity = externalId == null ? Optional.empty() : people.identityByExternalId(externalId);
        if (identity.isEmpty()) {
            String email = user.getEmail();
            if (email != null && !Boolean.FALSE.equals(user.getEmailVerified())) {
                identity = people.identityByEmail(email);
                if (identity.isPresent() && externalId != null) {
                    long personId = identity.get().personId();
                    people.linkExternalId(personId, externalId);
                    audit.note("person", personId, null, Action.SECURITY, "linked to sign-in provider " + registration);
                }
            }
        }
        if (identity.isEmpty()) {
            log.info("sign-in with provider {} refused: no known person matches", registration);
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN, "no person of Spil matches this account", null));
        }
        if (!identity.get().active() || accounts.principal(identity.get().personId(), true).isEmpty()) {
            log.info("sign-in with provider {} refused: person {} archived or disabled", registration, identity.get().personId());
            throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED, "this person may not sign in", null));
        }
        return new MatchedUser(user, identity.get().personId());
    }

    /** Puts the same principal in the session as a password sign-in does, then continues where the person was going. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof MatchedUser matched)) {
            throw new IllegalStateException("OpenID sign-in without a matched person");
        }
        var principal = accounts.principal(matched.personId(), true);
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            request.getSession().setAttribute(SignInFailureHandler.REASON, "disabled");
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        var token = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, principal.get().authorities());
        token.setDetails(new WebAuthenticationDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        success.continueTo(request, response, token);
    }
}
