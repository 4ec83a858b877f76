/**
 * The school group's schools, their buildings and rooms ({@link be.spil.school.Rooms}), and the calendar
 * ({@link be.spil.school.SchoolCalendar}): school years of the group, holidays per school or for every school,
 * lesson periods per school, and whether a day is a school day.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package be.spil.school;
