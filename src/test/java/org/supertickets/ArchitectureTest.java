package org.supertickets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked (docs/architecture.md draws it): the packages form layers that only look down, the
 * command line and the window are two faces of the same core, the core runs headless, views reach the core through
 * their view models, the engine's internals sit behind one class each, and tools that measure the app stay out of it.
 */
class ArchitectureTest {

    /** Only the app's own classes (target/classes): the tests and src/tools/java are compiled elsewhere. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.supertickets");

    /**
     * The packages from the bottom up; a package may use its own layer and those below it, never one above. A new
     * package goes in here (everyPackageHasALayer fails until it does), at the lowest layer that has all it needs.
     */
    private static final List<List<String>> LAYERS = List.of(
            List.of("io", "stats", "latency", "engine"), // generic pieces: files, statistics, timing, DJL internals
            List.of("space"),                            // the search space: configs, validation
            List.of("data", "model"),                    // datasets; the supernet as DJL blocks
            List.of("prune", "search"),                  // masks and sparsity; architecture search
            List.of("train"),                            // the trainer, its events and listeners
            List.of("ticket", "bench"),                  // tickets; training-speed measurements
            List.of("run"),                              // run folders: the contract between trainer, CLI and GUI
            List.of("pipeline", "onnx", "tensorboard"),  // IMP pipelines; exports
            List.of("slurm"),                            // sweeps on a cluster
            List.of("report"),                           // comparing runs: statistics, CSVs, headless plots
            List.of("ui", "cli"),                        // the two faces
            List.of("app"));                             // the packaged entry point, choosing a face

    @Test
    void packagesOnlyUseTheirOwnLayerAndTheOnesBelow() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(List::stream).toList();
            rules.add(noClasses().that().resideInAnyPackage(packages(LAYERS.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(packages(above)));
        }
        CompositeArchRule.of(rules).check(CLASSES);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        Set<String> found = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String rest = c.getPackageName().substring("org.supertickets".length());
            found.add(rest.isEmpty() ? "(org.supertickets itself)" : rest.substring(1).split("\\.")[0]);
        }
        found.removeAll(layered);
        assertEquals(Set.of(), found, "packages missing from ArchitectureTest.LAYERS: put each in the lowest layer "
                + "that has everything it uses");
    }

    /** Nothing below the window imports it, the command line included: both are faces of the same core. */
    @Test
    void nothingBelowTheUiImportsTheUi() {
        noClasses().that().resideOutsideOfPackages("org.supertickets.ui..", "org.supertickets.app..")
                .should().dependOnClassesThat().resideInAPackage("org.supertickets.ui..")
                .check(CLASSES);
    }

    @Test
    void theUiDoesNotGoThroughTheCommandLine() {
        noClasses().that().resideInAPackage("org.supertickets.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.supertickets.cli..")
                .check(CLASSES);
    }

    /** The core runs headless on servers: JavaFX, ControlsFX and JFreeChart's JavaFX viewer are the window's. */
    @Test
    void onlyTheUiUsesJavaFxOrControlsFx() {
        noClasses().that().resideOutsideOfPackage("org.supertickets.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    /** JFreeChart renders headless: the report layer draws the comparison plots for the command line and the UI. */
    @Test
    void onlyTheUiAndTheReportLayerUseJFreeChart() {
        noClasses().that().resideOutsideOfPackages("org.supertickets.ui..", "org.supertickets.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(CLASSES);
    }

    @Test
    void theUiReachesTheEngineOnlyThroughTheCore() {
        noClasses().that().resideInAPackage("org.supertickets.ui..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(CLASSES);
    }

    /** Tools that measure or photograph the app are not the app: they live in src/tools/java. */
    @Test
    void noBenchmarksOrToursShipInTheApp() {
        noClasses().should().haveSimpleNameEndingWith("Benchmark")
                .orShould().haveSimpleNameEndingWith("Tour")
                .because("benchmarks and screenshot tours belong in src/tools/java (docs/architecture.md, \"Tools\")")
                .check(CLASSES);
    }

    /**
     * MVVM: a view shows what its view model exposes and hands user actions to it; it does no work of the core. Of
     * the core a view may use the values it shows (records and enums) and the report layer's drawing and number
     * formats, which the Compare tab shares with the command line.
     */
    @Test
    void viewsReachTheCoreOnlyThroughTheirViewModels() {
        DescribedPredicate<JavaClass> coreWork = DescribedPredicate.describe(
                "are the core's working classes (not values or drawing helpers)",
                c -> c.getPackageName().startsWith("org.supertickets.")
                        && !inUi(c)
                        && !isValue(c)
                        && !VIEW_HELPERS.contains(c.getName()));
        noClasses().that(partOfAClassNamed("View"))
                .should().dependOnClassesThat(coreWork)
                .check(CLASSES);
    }

    /** What a view may call in the core besides values: drawing and formatting, no I/O, no computation. */
    private static final Set<String> VIEW_HELPERS = Set.of(
            "org.supertickets.report.ComparisonCharts",
            "org.supertickets.report.CurveCharts",
            "org.supertickets.report.CountFormat",
            // Frozen: the designer's and the Runs tab's choice lists (skip paths, optimizers, devices...) are read
            // straight from the config's defaults; they could come through the view models.
            "org.supertickets.space.ConfigDefaults");

    /** A view model is tested without a stage: it never touches a control, a scene or a window. */
    @Test
    void viewModelsNeverTouchAControl() {
        noClasses().that(partOfAClassNamed("ViewModel"))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    /** DJL's JniUtils is internal: a DJL upgrade may move it, and then one class (and its test) must change. */
    @Test
    void onlyPyTorchInternalsCallsTheEnginesInternals() {
        noClasses().that().doNotBelongToAnyOf(org.supertickets.engine.PyTorchInternals.class)
                .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
                .because("calls below DJL's public API go through engine.PyTorchInternals (PyTorchInternalsTest)")
                .check(CLASSES);
    }

    @Test
    void onlyLinuxLibcUsesJna() {
        noClasses().that(DescribedPredicate.describe("are not train.LinuxLibc",
                        c -> !topLevel(c).getName().equals("org.supertickets.train.LinuxLibc")))
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .because("the C library is reached through one interface, train.LinuxLibc")
                .check(CLASSES);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.supertickets." + n + "..").toArray(String[]::new);
    }

    private static boolean inUi(JavaClass c) {
        String name = c.getPackageName();
        return name.equals("org.supertickets.ui") || name.startsWith("org.supertickets.ui.");
    }

    private static boolean isValue(JavaClass c) {
        return c.isRecord() || c.isEnum();
    }

    /** A class in the UI whose name (or whose enclosing class's name) ends with {@code suffix}. */
    private static DescribedPredicate<JavaClass> partOfAClassNamed(String suffix) {
        return DescribedPredicate.describe("are part of a UI class named *" + suffix,
                c -> inUi(c) && topLevel(c).getSimpleName().endsWith(suffix));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
