package org.supertickets.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies in the UI run one way: the window (this package: the app, its menus, toolbar and tabs) puts the
 * feature packages together, and no feature package reaches back up to it or round in a circle through another.
 */
class UiLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supertickets.ui");

    /** The tools that drive the whole window (benchmarks, screenshot tours) are not part of the UI's layers. */
    private static final String TOOLS = "org.supertickets.ui.bench..";

    @Test
    void featurePackagesDoNotDependOnTheWindow() {
        noClasses().that().resideInAPackage("org.supertickets.ui.*..").and().resideOutsideOfPackage(TOOLS)
                .should().dependOnClassesThat().resideInAPackage("org.supertickets.ui")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.supertickets.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theWindowsClassesDependOnTheAppOnlyFromTheLauncher() {
        noClasses().that().resideInAPackage("org.supertickets.ui").and().doNotHaveSimpleName("Launcher")
                .should().dependOnClassesThat().haveSimpleName("WorkbenchApp")
                .check(classes);
    }
}
