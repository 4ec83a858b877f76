/** The school group's schools (later: buildings and rooms, school years, holidays, lesson periods). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package be.spil.school;
