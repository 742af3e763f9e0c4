// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketlab.app.export.ExportFormat;
import org.socketlab.app.export.ExportListener;
import org.socketlab.app.export.HeadlessFx;
import org.socketlab.app.export.LessonExport;
import org.socketlab.app.export.LessonExportOptions;
import org.socketlab.app.export.StepRange;
import org.socketlab.saving.ExportException;
import org.socketlab.saving.MissingFolders;
import org.socketlab.codec.Paper;
import org.socketlab.saving.TargetExistsException;
import org.socketlab.lesson.Lesson;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.theme.Theme;
import org.socketlab.ui.theme.Themes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socket-lab export}: a lesson's pictures without a window, on a server with no
 * display (JavaFX runs on Monocle's headless platform).
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Saves a lesson's pictures without opening a window (no display needed):",
                "one PNG per step (01-allocate-memory.png, ...), an animated GIF, a contact sheet,",
                "a PDF handout to print. With none of --png, --gif, --sheet, --pdf it saves the PNGs.",
                "Nothing is saved unless every file is: no partial or half-written files."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every file was saved",
                "1:a file could not be saved (missing or read-only folder, full disk, files already there"
                        + " without --force); nothing was left behind",
                "2:usage error: unknown lesson or a bad option value"
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  socket-lab export --out slides --scale 2",
                "  socket-lab export three-stages --out docs/images --gif --fps 15",
                "  socket-lab export --out handout --sheet --steps 1-6",
                "  socket-lab export after-socket --out handouts --pdf --paper letter --lang zh"
        })
public final class ExportCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{3,4})[xX×](\\d{3,4})");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON",
            description = {"The lesson: a built-in lesson's id or title (default: three-stages, \"socket(): three stages\"),",
                    "or the path of a lesson file (.c) or a strace log."})
    String lessonName;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "The folder to save into; missing folders are created.")
    Path out;

    @Option(names = "--png", description = "One PNG per step.")
    boolean png;

    @Option(names = "--gif", description = "An animated GIF of the steps, looping forever.")
    boolean gif;

    @Option(names = "--sheet", description = "A contact sheet to print: every step with its narration on A4 pages (PNG, 150 dpi), LESSON-sheet-1.png, -2, ...")
    boolean sheet;

    @Option(names = "--pdf", description = "A handout to print (PDF): a title page, then each step's picture,"
            + " stage and full narration as text, with page numbers.")
    boolean pdf;

    @Option(names = "--paper", defaultValue = "a4", paramLabel = "PAPER",
            description = "The handout's paper: a4 or letter. Default: ${DEFAULT-VALUE}.")
    String paper;

    @Option(names = "--steps", paramLabel = "RANGE",
            description = "Which steps, as the window counts them (0 is the start): 3, 3-5, 3- or -5. Default: all.")
    String steps;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Render at 1, 2, 3 or 4 times the size; text stays sharp. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--area", defaultValue = "canvas", paramLabel = "AREA",
            description = "canvas (the diagram and narration) or window (the whole window). Default: ${DEFAULT-VALUE}.")
    String area;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", completionCandidates = LanguageTags.class,
            description = "The language of the pictures: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME", completionCandidates = ThemeIds.class,
            description = "The look: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String theme;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "N",
            description = "GIF: sample the animation at N frames per second (e.g. 10, 15, 20) instead of"
                    + " one frame per step.")
    int fps;

    @Option(names = "--size", defaultValue = "1280x800", paramLabel = "WxH",
            description = "The window's size in pixels at 1x. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--force", description = "Replace files that already exist.")
    boolean force;

    private final LessonResolver lessons;

    /** The command with the standard lessons. */
    public ExportCommand() {
        this(LessonResolver.standard());
    }

    /** The command with another set of lessons. */
    public ExportCommand(LessonResolver lessons) {
        this.lessons = lessons;
    }

    @Override
    public Integer call() {
        LessonExportOptions options = options();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path folder = out.toAbsolutePath().normalize();
        List<Path> existing = LessonExport.existingFiles(options, folder);
        if (!force && !existing.isEmpty()) {
            stderr.println(alreadyThere(existing, folder));
            stderr.flush();
            return 1;
        }
        MissingFolders folders;
        try {
            folders = MissingFolders.create(folder);
        } catch (ExportException e) {
            stderr.println(e.getMessage());
            stderr.println("Nothing was saved.");
            stderr.flush();
            return 1;
        }
        int exit = 1;
        try {
            exit = export(options, folder, stdout, stderr);
        } finally {
            if (exit != 0) {
                folders.removeCreated();
            }
        }
        if (!folders.created().isEmpty()) {
            stdout.println("Created the folder " + folder);
            stdout.flush();
        }
        return exit;
    }

    private int export(LessonExportOptions options, Path folder, PrintWriter stdout, PrintWriter stderr) {
        HeadlessFx.ensureStarted();
        stdout.println("Exporting \"" + options.lesson().title().get(options.locale()) + "\" (steps "
                + options.steps() + ") to " + folder);
        stdout.flush();
        int[] files = {0};
        int count = LessonExport.fileNames(options).size();
        boolean paged = options.formats().contains(ExportFormat.SHEET);
        try {
            List<Path> saved = LessonExport.run(options, folder, new ExportListener() {
                @Override
                public void fileWritten(String fileName) {
                    files[0]++;
                    // How many pages a contact sheet has is known only once it is laid out.
                    stdout.println("  [" + files[0] + (paged ? "" : "/" + count) + "] " + fileName);
                    stdout.flush();
                }
            }, () -> false);
            stdout.println("Saved " + saved.size() + (saved.size() == 1 ? " file in " : " files in ") + folder);
            stdout.flush();
            return 0;
        } catch (TargetExistsException e) {
            stderr.println(alreadyThere(e.existing(), folder));
            stderr.flush();
            return 1;
        } catch (ExportException e) {
            stderr.println(e.getMessage());
            stderr.println("Nothing was saved.");
            stderr.flush();
            return 1;
        }
    }

    /** Checks every option and builds the export; a bad value is a usage error (exit code 2). */
    LessonExportOptions options() {
        Lesson lesson;
        try {
            lesson = lessons.resolve(lessonName);
        } catch (LessonResolver.UnknownLessonException e) {
            throw usage(e.getMessage());
        }
        if (scale < LessonExportOptions.MIN_SCALE || scale > LessonExportOptions.MAX_SCALE) {
            throw usage("--scale must be 1, 2, 3 or 4, not " + scale + ".");
        }
        if (fps < 0 || fps > LessonExportOptions.MAX_FPS) {
            throw usage("--fps must be between 1 and " + LessonExportOptions.MAX_FPS + ", not " + fps + ".");
        }
        Locale locale = Languages.find(lang).orElseThrow(() -> usage("--lang " + lang
                + " is not available; choose one of: " + String.join(", ", new LanguageTags()) + "."));
        Theme look = Themes.find(theme).orElseThrow(() -> usage("--theme " + theme
                + " is not available; choose one of: " + String.join(", ", new ThemeIds()) + "."));
        PictureArea picture = switch (area.toLowerCase(Locale.ROOT)) {
            case "canvas" -> PictureArea.CANVAS;
            case "window" -> PictureArea.WINDOW;
            default -> throw usage("--area must be canvas or window, not " + area + ".");
        };
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            throw usage("--size is written as WIDTHxHEIGHT, e.g. 1280x800, not " + size + ".");
        }
        Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        if (png || (!gif && !sheet && !pdf)) {
            formats.add(ExportFormat.PNG);
        }
        if (gif) {
            formats.add(ExportFormat.GIF);
        }
        if (sheet) {
            formats.add(ExportFormat.SHEET);
        }
        if (pdf) {
            formats.add(ExportFormat.PDF);
        }
        Paper sheetOfPaper = Paper.find(paper).orElseThrow(() -> usage("--paper must be a4 or letter, not " + paper
                + "."));
        try {
            StepRange range = steps == null ? StepRange.all() : StepRange.parse(steps);
            return new LessonExportOptions(lesson, formats, range, scale, picture, look, locale,
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), fps, force, sheetOfPaper);
        } catch (IllegalArgumentException e) {
            throw usage(capitalized(e.getMessage()) + ".");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String alreadyThere(List<Path> existing, Path folder) {
        StringBuilder names = new StringBuilder();
        Iterator<Path> it = existing.iterator();
        for (int i = 0; i < 5 && it.hasNext(); i++) {
            names.append(i == 0 ? "" : ", ").append(it.next().getFileName());
        }
        if (existing.size() > 5) {
            names.append(" and ").append(existing.size() - 5).append(" more");
        }
        return (existing.size() == 1 ? "A file already exists in " : existing.size() + " files already exist in ")
                + folder + ": " + names + ". Nothing was saved; use --force to replace "
                + (existing.size() == 1 ? "it." : "them.");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The languages --lang accepts, for the help. */
    static final class LanguageTags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Languages.available().stream().map(Locale::toLanguageTag).iterator();
        }
    }

    /** The themes --theme accepts, for the help. */
    static final class ThemeIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Themes.all().stream().map(Theme::id).iterator();
        }
    }
}
