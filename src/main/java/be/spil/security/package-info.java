/** Sign-in (form, HTTP Basic, API tokens), passwords and their policy, lockout, first admin, the current caller. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "directory", "school", "audit"})
package be.spil.security;
