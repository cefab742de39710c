package org.supertickets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The training core never depends on the UI toolkit, so it runs headless on servers. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supertickets");

    @Test
    void onlyTheUiUsesJavaFxOrControlsFx() {
        noClasses().that().resideOutsideOfPackage("org.supertickets.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    /** JFreeChart renders headless: the report layer draws the comparison plots for the command line and the UI. */
    @Test
    void onlyTheUiAndTheReportLayerUseJFreeChart() {
        noClasses().that().resideOutsideOfPackages("org.supertickets.ui..", "org.supertickets.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotDependOnTheUiOrTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.supertickets.ui..", "org.supertickets.cli..",
                        "org.supertickets.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.supertickets.ui..", "org.supertickets.cli..")
                .check(classes);
    }

    /** The packaged app's entry point chooses between the window and the command line; nothing calls it. */
    @Test
    void onlyTheEntryPointSitsAboveTheUiAndTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.supertickets.app..")
                .should().dependOnClassesThat().resideInAPackage("org.supertickets.app..")
                .check(classes);
    }

    @Test
    void theUiReachesTheEngineOnlyThroughTheCore() {
        noClasses().that().resideInAPackage("org.supertickets.ui..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }
}
