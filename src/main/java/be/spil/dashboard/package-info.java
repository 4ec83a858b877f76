/** The home page: cards composed from other modules' public services, read-only. Nothing uses this module. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit"})
package be.spil.dashboard;
