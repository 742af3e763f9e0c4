// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.narration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kordamp.ikonli.IkonHandler;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.loading.LessonFiles;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayedCall;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.MessageBundlesTest;

/**
 * Every call the model runs has what the window shows for it: in every language the chip and
 * the kernel line of each stage its steps go through and the words of its narrations, and an
 * icon that exists for each of those stages. The test iterates over {@link SyscallKind}, so a
 * new call fails here until its words and icons are there, and until a lesson or a recorded log
 * shows it; and it checks the descriptions against what those lessons and logs really show, so
 * that a call cannot narrate or stage more than its description promises.
 */
class CallDescriptionsTest {
    /** Narrations a replay adds to any call ("the kernel failed it where the model did not"). */
    private static final String REPLAY_FAMILY = "replay";

    private static final List<Step> SHOWN = new ArrayList<>();
    private static final Set<SyscallKind> EXERCISED = EnumSet.noneOf(SyscallKind.class);

    @BeforeAll
    static void playEveryLessonAndReplayEveryRecordedLog() throws IOException, LessonParseException {
        for (BuiltInLesson lesson : BuiltInLessons.all()) {
            collect(lesson.lesson());
        }
        for (Path folder : List.of(Path.of("src/test/resources/lessons"), Path.of("src/test/resources/calls"))) {
            for (Path lesson : files(folder, ".c")) {
                collect(LessonFiles.load(lesson));
            }
        }
        for (Path folder : List.of(Path.of("assets/traces"), Path.of("src/test/resources/traces"))) {
            for (Path log : files(folder, ".strace")) {
                Replay replay = TraceReplay.importTrace(log);
                collect(replay.lesson());
                for (ReplayedCall call : replay.calls()) {
                    SyscallKind.traced(call.call()).ifPresent(EXERCISED::add);
                }
                replay.notAnimated().keySet().forEach(name -> SyscallKind.traced(name).ifPresent(EXERCISED::add));
            }
        }
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static void collect(Lesson lesson) {
        for (Frame frame : lesson.frames()) {
            Step step = frame.step();
            SHOWN.add(step);
            if (step.call() != null) {
                step.call().syscallKind().ifPresent(EXERCISED::add);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SyscallKind.class)
    void everyCallHasTheWordsOfItsStagesAndNarrationsInEveryLanguage(SyscallKind call) {
        assertThat(call.cNames()).as("%s's C names", call).isNotEmpty();
        assertThat(call.straceNames()).as("%s's strace names", call).isNotEmpty();
        assertThat(call.stages()).as("%s's stages", call).isNotEmpty();
        assertThat(call.narrations()).as("%s's narrations", call).isNotEmpty();
        for (Locale language : Languages.available()) {
            Properties words = MessageBundlesTest.file(language);
            for (Stage stage : call.stages()) {
                assertThat(words.getProperty("stage." + stage.name() + ".chip"))
                        .as("the chip of %s's stage %s in %s", call, stage, language).isNotBlank();
                assertThat(words.getProperty("kernel.stage." + stage.name()))
                        .as("the kernel line of %s's stage %s in %s", call, stage, language).isNotBlank();
            }
            for (String family : call.narrations()) {
                assertThat(words.stringPropertyNames())
                        .as("narrations of %s (narration.%s.*) in %s", call, family, language)
                        .anyMatch(key -> key.startsWith("narration." + family + "."));
            }
        }
    }

    /** The kernel view shows a line for every stage but the start (the model-only ones too: ATTACH). */
    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "START", mode = EnumSource.Mode.EXCLUDE)
    void everyStageHasItsKernelLineInEveryLanguage(Stage stage) {
        for (Locale language : Languages.available()) {
            assertThat(MessageBundlesTest.file(language).getProperty("kernel.stage." + stage.name()))
                    .as("%s in %s", stage, language).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(SyscallKind.class)
    void everyStageOfEveryCallHasAnIconTheIconPackHas(SyscallKind call) {
        for (Stage stage : call.stages()) {
            String code = NarrationView.iconOf(stage);
            Optional<IkonHandler> handler = ServiceLoader.load(IkonHandler.class).stream()
                    .map(ServiceLoader.Provider::get).filter(h -> h.supports(code)).findFirst();
            assertThat(handler).as("an icon pack for %s (%s's stage %s)", code, call, stage).isPresent();
            assertThat(handler.get().resolve(code)).as("icon %s of %s's stage %s", code, call, stage).isNotNull();
        }
    }

    @Test
    void everyCallIsShownByALessonOrARecordedLog() {
        assertThat(EXERCISED)
                .as("calls no lesson (built in, or in src/test/resources/lessons or calls) or recorded log shows")
                .containsExactlyInAnyOrder(SyscallKind.values());
    }

    @Test
    void aCallShowsOnlyTheStagesAndNarrationsItsDescriptionNames() {
        int checked = 0;
        for (Step step : SHOWN) {
            Optional<SyscallKind> kind = step.call() == null ? Optional.empty() : step.call().syscallKind();
            if (kind.isEmpty()) {
                continue;
            }
            String key = step.narration().key();
            String family = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
            assertThat(kind.get().stages()).as("stages of %s (%s)", kind.get(), key).contains(step.stage());
            if (!family.equals(REPLAY_FAMILY)) {
                assertThat(kind.get().narrations()).as("narrations of %s (%s)", kind.get(), key).contains(family);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }
}
