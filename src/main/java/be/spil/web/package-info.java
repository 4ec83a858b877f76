/** The UI shell: layout, navigation, language, error pages and the API's problem+json errors. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory"})
package be.spil.web;
