/**
 * The ICT policy plan (ICT-beleidsplan) of a school for a school year: vision, starting situation, goals per domain
 * with their actions, evaluation; the director approves versions; the plan is printed with live sections read from
 * the inventory, the directory and the team at that moment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit", "inventory", "team", "learning", "helpdesk"})
package be.spil.policy;
