/**
 * The helpdesk: tickets of a school (report, queue, conversation, assignment, status lifecycle), categories of the
 * group, priority from impact and urgency, SLA targets counted in school hours, and e-mail to the people involved.
 * Public surface: {@link be.spil.helpdesk.Tickets}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "school", "directory", "inventory", "knowledge", "audit"})
package be.spil.helpdesk;
