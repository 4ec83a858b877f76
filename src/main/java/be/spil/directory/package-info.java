/** People (staff, pupils, external), their schools, roles and classes/groups. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "audit"})
package be.spil.directory;
