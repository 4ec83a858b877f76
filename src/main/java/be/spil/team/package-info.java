/**
 * The school's ICT team: the task catalog (after the guide "Wegwijzer takenpakket van je ICT-team"), the team of a
 * school year with its hours per funding source, the task division and the coverage analysis of where it is fragile.
 * Public surface: {@link be.spil.team.Team}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit"})
package be.spil.team;
