package be.spil.security;

import be.spil.shared.Caller;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person. The caller (roles per school) is refreshed on every request. {@code mustEnrolTotp}: a
 * central admin without a second factor while the school group requires one; {@code viaProvider}: signed in
 * with an OpenID provider (which does its own second factor).
 */
record SpilPrincipal(Caller caller, boolean mustChangePassword, boolean mustEnrolTotp, boolean viaProvider)
        implements Caller.Source, Serializable {

    long personId() {
        return caller.personId();
    }

    Collection<? extends GrantedAuthority> authorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (caller.centralAdmin()) {
            list.add(new SimpleGrantedAuthority("ROLE_CENTRAL_ADMIN"));
        }
        return list;
    }

    @Override
    public String toString() {
        return caller.email();
    }
}
