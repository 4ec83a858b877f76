package be.spil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house conventions that a reviewer would otherwise have to remember. */
@AnalyzeClasses(packages = "be.spil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
        .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
        .should().notBePublic()
        .because("controllers are a module's edge, not its API");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith(Autowired.class)
        .because("dependencies come through constructors");

    @ArchTest
    static final ArchRule timeComesFromTheClock = noClasses()
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .because("time comes from an injected java.time.Clock, so tests can set it");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses().should()
        .accessField(System.class, "out").orShould().accessField(System.class, "err")
        .because("everything goes through the log");
}
