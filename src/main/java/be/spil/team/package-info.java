/**
 * The school's ICT team: the task catalog (after the guide "Wegwijzer takenpakket van je ICT-team", published by the
 * school group to every school), the team of a school year with its hours per funding source, the task division (a
 * matrix to divide quickly, copying a year into the next, comparing years), the coverage analysis of where it is
 * fragile, its charts, and the documents (division as PDF and CSV, job descriptions).
 * <p>
 * Public surface: {@link be.spil.team.Team}. Other modules ask who carries a task with
 * {@link be.spil.team.Team#carriers(long, String)} (responsible and backups, in order, with person or organisation) or
 * {@link be.spil.team.Team#responsibleFor(long, String)}, using the codes in {@link be.spil.team.Team.Tasks}
 * (first-line help, helpdesk, backups, emergency procedure). Everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit"})
package be.spil.team;
