/** The change history of every record: who, when, which fields from → to. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package be.spil.audit;
