// SPDX-License-Identifier: Apache-2.0
package org.socketlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every feature grows on: kernel ← lesson ← player ← ui ← app, one direction,
 * and the pure layers free of the toolkit.
 */
@AnalyzeClasses(packages = "org.socketlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule kernelHasNoJavaFx = noClasses().that().resideInAPackage("org.socketlab.kernel..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the kernel model is pure Java and testable without any toolkit");

    @ArchTest
    static final ArchRule lessonHasNoJavaFx = noClasses().that().resideInAPackage("org.socketlab.lesson..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule codecsHaveNoJavaFx = noClasses().that().resideInAPackage("org.socketlab.codec..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the PNG, GIF and PDF codecs take plain pixels (ArgbImage) and run without the toolkit");

    @ArchTest
    static final ArchRule savingHasNoJavaFx = noClasses().that().resideInAPackage("org.socketlab.saving..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("saving files whole or not at all is plain java.nio, testable without the toolkit");

    @ArchTest
    static final ArchRule playerUsesOnlyJavaFxBase = noClasses().that().resideInAPackage("org.socketlab.player..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.animation..", "javafx.application..")
            .because("the player is a view model that runs without starting the toolkit");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesJson = noClasses().that().resideOutsideOfPackage("org.socketlab.app")
            .should().dependOnClassesThat().resideInAPackage("tools.jackson..")
            .because("JSON is what replay --json and run --json print (ReplayJson); the model knows nothing of it");

    @ArchTest
    static final ArchRule viewsDoNotInterpretKernelOutcomes = noClasses().that().resideInAPackage("org.socketlab.ui..")
            .should().dependOnClassesThat().haveNameMatching("org\\.socketlab\\.kernel\\.Outcome(\\$.*)?")
            .because("how a call ended is read once, in Picture (callFailed, callBlocked, callValue, callErrno);"
                    + " a view that casts an Outcome itself breaks when a new kind of ending appears");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.socketlab.(**)").should().beFreeOfCycles()
            .because("a package that needs one that needs it back is one package in two folders: each"
                    + " leans only on those below it (lesson.loading on source, replay and strace; app on app.export)");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("kernel").definedBy("org.socketlab.kernel..")
            .layer("lesson").definedBy("org.socketlab.lesson..")
            .layer("player").definedBy("org.socketlab.player..")
            .layer("ui").definedBy("org.socketlab.ui..")
            .layer("codec").definedBy("org.socketlab.codec..")
            .layer("saving").definedBy("org.socketlab.saving..")
            .layer("app").definedBy("org.socketlab.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("codec").mayOnlyBeAccessedByLayers("ui", "app")
            .whereLayer("saving").mayOnlyBeAccessedByLayers("ui", "app")
            .whereLayer("player").mayOnlyBeAccessedByLayers("ui", "app")
            .whereLayer("lesson").mayOnlyBeAccessedByLayers("player", "ui", "app")
            .whereLayer("kernel").mayOnlyBeAccessedByLayers("lesson", "player", "ui", "app");
}
