// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.socketlab.lesson.loading.LessonLoadException;
import org.socketlab.lesson.loading.LessonLoader;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.dialogs.About;
import org.socketlab.ui.language.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The command line: with no arguments it opens the window on the built-in lesson. */
@Command(name = "socket-lab",
        mixinStandardHelpOptions = true,
        versionProvider = SocketLabCommand.VersionProvider.class,
        subcommands = {ExportCommand.class, ReplayCommand.class, RunCommand.class},
        description = {
                "Socket Lab shows what socket() really does inside the protocol stack:",
                "an empty box, a form filled in, a coat-check ticket.",
                "",
                "With no arguments it opens the window on the lesson \"socket(): three stages\".",
                "Given a lesson file (.c, see docs/lesson-format.md) or a strace log, it opens that.",
                "A file that cannot be opened is explained here, with exit code 2.",
                "`socket-lab export` saves a lesson's pictures without a window (see export --help)."
        })
final class SocketLabCommand implements Callable<Integer> {

    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageConverter.class,
            completionCandidates = LanguageCodes.class,
            description = {"The window's language: ${COMPLETION-CANDIDATES}.",
                    "Default: the system's language when Socket Lab has it, else English."})
    private Locale language;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A lesson file (.c) or a strace log to open in the window.")
    private Path file;

    @Spec
    private CommandSpec spec;

    /** Supplies --version from the build. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return About.current().lines(new Messages(Languages.systemDefault())).toArray(new String[0]);
        }
    }

    /** Accepts only the languages the app has; picocli reports anything else and exits with 2. */
    static final class LanguageConverter implements ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            return Languages.find(value).orElseThrow(() -> new TypeConversionException(
                    "Socket Lab does not speak '" + value + "'; choose one of: " + Languages.codes()));
        }
    }

    /** The language codes --lang accepts, for the help text. */
    static final class LanguageCodes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Languages.available().stream().map(Locale::getLanguage).iterator();
        }
    }

    /** The language --lang asked for, or null to follow the system. */
    Locale language() {
        return language;
    }

    /** The file to open, or null for the built-in lesson. */
    Path file() {
        return file;
    }

    @Override
    public Integer call() {
        if (file != null) {
            try {
                LessonLoader.check(file); // the window loads it; a big log behind a progress bar
            } catch (LessonLoadException e) {
                PrintWriter err = spec.commandLine().getErr();
                // The details repeat the summary as their first line, with the line and a hint below.
                err.println(e.details().isBlank() ? e.getMessage() : e.details());
                err.flush();
                return 2;
            }
        }
        SocketLabApp.open(language, file);
        return 0;
    }
}
