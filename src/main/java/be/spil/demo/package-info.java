/**
 * The {@code demo} profile: fills an empty database with a fictional school group through the other modules'
 * public services, so a newcomer sees a living system. Nothing uses this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "inventory", "team", "policy", "learning", "helpdesk", "knowledge", "lending", "agents"})
package be.spil.demo;
