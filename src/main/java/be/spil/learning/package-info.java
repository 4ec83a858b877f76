/**
 * Learning lines for digital competences: competence frameworks as versioned data (DigComp 2.2, DigCompEdu, the
 * Flemish goals, a school's own), the school's learning line (competences x grades, planned activities per cell) and
 * its analysis (gradual build-up, coverage, balanced spread). Public surface: {@link be.spil.learning.LearningLines}
 * and {@link be.spil.learning.Frameworks}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "directory", "audit"})
package be.spil.learning;
