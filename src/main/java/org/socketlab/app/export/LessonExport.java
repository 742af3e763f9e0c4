// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.socketlab.codec.AnimatedGifWriter;
import org.socketlab.codec.ArgbImage;
import org.socketlab.codec.GifOptions;
import org.socketlab.codec.PdfHandout;
import org.socketlab.codec.PngEncoder;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.Lesson;
import org.socketlab.saving.AtomicFileBatch;
import org.socketlab.saving.ExportException;
import org.socketlab.saving.ExportNames;
import org.socketlab.saving.IoConsumer;
import org.socketlab.ui.OffscreenWindow;
import org.socketlab.ui.common.FxImages;
import org.socketlab.ui.common.Version;
import org.socketlab.ui.export.ContactSheetView;
import org.socketlab.ui.export.NodeSnapshot;
import org.socketlab.ui.language.Messages;

/**
 * Exports a lesson as numbered PNGs, an animated GIF and a contact sheet, into one folder,
 * all files together or none. Runs on a worker thread (the window's task, the command
 * line's main thread): each picture is drawn on the FX thread in a private
 * {@link OffscreenWindow}, one {@code runLater} per picture, while encoding and writing
 * happen here; the next picture is drawn while this one is encoded.
 */
public final class LessonExport {
    /** How long a GIF shows each resting picture. */
    public static final int HOLD_MS = 1500;
    /** The screen resolution a 1× picture is meant for. */
    static final double BASE_DPI = 96;
    /** Handout pictures are drawn at least this many times the screen's size, for print. */
    static final double PRINT_SCALE = 2;

    private final LessonExportOptions options;
    private final ExportListener listener;
    private final BooleanSupplier cancelled;
    private OffscreenWindow window;
    private int done;
    private int total;

    private LessonExport(LessonExportOptions options, ExportListener listener, BooleanSupplier cancelled) {
        this.options = options;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** The names of the files an export with these options writes, in order. */
    public static List<String> fileNames(LessonExportOptions options) {
        List<String> names = new ArrayList<>();
        StepRange steps = options.steps();
        int lastStep = options.lesson().size() - 1;
        for (ExportFormat format : options.orderedFormats()) {
            switch (format) {
                case PNG -> {
                    for (int i = steps.first(); i <= steps.last(); i++) {
                        names.add(ExportNames.frameFileName(i, lastStep, stepTitle(options.lesson(), i), "png"));
                    }
                }
                case GIF -> names.add(ExportNames.fileName(options.lesson().id(), "gif"));
                case SHEET -> names.add(sheetPage(options, 1));
                case PDF -> names.add(ExportNames.fileName(options.lesson().id() + "-handout", "pdf"));
            }
        }
        return names;
    }

    /** The file name of page {@code page} (from 1) of the contact sheet. */
    static String sheetPage(LessonExportOptions options, int page) {
        return ExportNames.fileName(options.lesson().id() + "-sheet-" + page, "png");
    }

    /**
     * The files of such an export that already exist in {@code folder}: with a contact sheet,
     * every page of an earlier one too (how many pages this one has is known only once it is laid out).
     */
    public static List<Path> existingFiles(LessonExportOptions options, Path folder) {
        List<Path> existing = new ArrayList<>();
        for (String name : fileNames(options)) {
            Path file = folder.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                existing.add(file);
            }
        }
        if (options.formats().contains(ExportFormat.SHEET)) {
            for (int page = 2; Files.exists(folder.resolve(sheetPage(options, page)), LinkOption.NOFOLLOW_LINKS); page++) {
                existing.add(folder.resolve(sheetPage(options, page)));
            }
        }
        return existing;
    }

    /**
     * Writes the export into {@code folder} and returns the saved files. Must not run on the
     * FX thread.
     *
     * @param cancelled asked between pictures; when it says yes, nothing is saved
     * @throws ExportException when a file cannot be saved; nothing is left behind
     * @throws CancellationException when cancelled; nothing is left behind
     */
    public static List<Path> run(LessonExportOptions options, Path folder, ExportListener listener,
                                 BooleanSupplier cancelled) throws ExportException {
        return new LessonExport(options, listener, cancelled).run(folder);
    }

    private List<Path> run(Path folder) throws ExportException {
        StepRange steps = options.steps();
        for (ExportFormat format : options.formats()) {
            total += format == ExportFormat.SHEET || format == ExportFormat.PDF ? steps.size() + 1 : steps.size();
        }
        listener.progress(0, total);
        try (AtomicFileBatch batch = AtomicFileBatch.open(folder, options.overwrite())) {
            window = FxCalls.call(() -> OffscreenWindow.open(options.lesson(), options.locale(), options.theme(),
                    options.width(), options.height()));
            Iterator<String> names = fileNames(options).iterator();
            for (ExportFormat format : options.orderedFormats()) {
                switch (format) {
                    case PNG -> pngs(batch, names);
                    case GIF -> add(batch, names.next(), gif());
                    case SHEET -> {
                        names.next();
                        sheets(batch);
                    }
                    case PDF -> add(batch, names.next(), handout());
                }
            }
            checkCancelled();
            return batch.commit();
        } finally {
            if (window != null) {
                OffscreenWindow closing = window;
                FxCalls.submit(() -> {
                    closing.close();
                    return null;
                });
            }
        }
    }

    private void add(AtomicFileBatch batch, String name, IoConsumer<OutputStream> body) throws ExportException {
        checkCancelled();
        batch.add(name, body);
        listener.fileWritten(name);
    }

    /** One PNG per step; the next step is drawn while this one is encoded. */
    private void pngs(AtomicFileBatch batch, Iterator<String> names) throws ExportException {
        PngEncoder encoder = pngEncoder(options.scale())
                .withText("Title", options.lesson().title().get(options.locale()));
        StepRange steps = options.steps();
        Future<ArgbImage> next = resting(steps.first());
        for (int i = steps.first(); i <= steps.last(); i++) {
            checkCancelled();
            ArgbImage image = FxCalls.await(next);
            next = i < steps.last() ? resting(i + 1) : null;
            add(batch, names.next(), out -> {
                encoder.encode(image, out);
                unitDone();
            });
        }
    }

    private IoConsumer<OutputStream> gif() {
        int background = 0xFF000000 | rgb(options.theme().background());
        GifOptions gifOptions = GifOptions.defaults().withBackgroundRgb(background);
        int[] size = gifSize();
        return out -> {
            try (AnimatedGifWriter gif = new AnimatedGifWriter(out, gifOptions)) {
                StepRange steps = options.steps();
                Future<ArgbImage> next = resting(steps.first());
                for (int i = steps.first(); i <= steps.last(); i++) {
                    ArgbImage rest = FxCalls.await(next).fitTo(size[0], size[1], background);
                    if (options.animated() && i < steps.last()) {
                        gif.add(rest, HOLD_MS);
                        for (ArgbImage frame : samplesInto(i + 1)) {
                            gif.add(frame.fitTo(size[0], size[1], background), 1000 / options.fps());
                        }
                        next = resting(i + 1);
                    } else {
                        next = i < steps.last() ? resting(i + 1) : null;
                        gif.add(rest, HOLD_MS);
                    }
                    unitDone();
                }
            }
        };
    }

    /**
     * The size of the GIF: the largest resting picture of the steps. The window keeps its size,
     * but the lesson canvas grows with a long narration, and a GIF's frames share one size.
     */
    private int[] gifSize() {
        int[] size = {1, 1};
        StepRange steps = options.steps();
        for (int i = steps.first(); i <= steps.last(); i++) {
            checkCancelled();
            ArgbImage picture = FxCalls.await(resting(i));
            size[0] = Math.max(size[0], picture.width());
            size[1] = Math.max(size[1], picture.height());
        }
        return size;
    }

    /** The animation into step {@code step}, sampled at the frame rate, without its end. */
    private List<ArgbImage> samplesInto(int step) {
        checkCancelled();
        OffscreenWindow.Transition transition = FxCalls.call(() -> window.animateInto(step));
        List<ArgbImage> frames = new ArrayList<>();
        try {
            double length = transition.duration().toMillis();
            double every = 1000.0 / options.fps();
            for (int k = 1; k * every < length; k++) {
                checkCancelled();
                Duration at = Duration.millis(k * every);
                frames.add(FxCalls.call(() -> transition.sample(at, options.area(), options.scale())));
            }
        } finally {
            FxCalls.run(transition::finish);
        }
        return frames;
    }

    /** The contact sheet: one PNG per A4 page, {@code LESSON-sheet-1.png}, {@code -2}, … */
    private void sheets(AtomicFileBatch batch) throws ExportException {
        StepRange steps = options.steps();
        List<ContactSheetView.Cell> cells = new ArrayList<>();
        for (int i = steps.first(); i <= steps.last(); i++) {
            checkCancelled();
            int step = i;
            cells.add(FxCalls.call(() -> {
                window.show(step);
                return new ContactSheetView.Cell(FxImages.of(window.snapshot(options.area(), options.scale())),
                        step, window.chip(step), window.narration(step), window.failed(step));
            }));
            unitDone();
        }
        checkCancelled();
        List<ArgbImage> pages = FxCalls.call(() -> {
            Locale locale = options.locale();
            List<ArgbImage> images = new ArrayList<>();
            for (ContactSheetView page : ContactSheetView.layOutPages(window.messages(), options.theme(),
                    options.lesson().title().get(locale), options.lesson().description().get(locale), cells)) {
                images.add(NodeSnapshot.take(page, options.scale(), options.theme().background()));
            }
            return images;
        });
        PngEncoder encoder = pngEncoder(options.scale()).withDpi(150 * options.scale());
        for (int p = 0; p < pages.size(); p++) {
            ArgbImage page = pages.get(p);
            boolean last = p == pages.size() - 1;
            add(batch, sheetPage(options, p + 1), out -> {
                encoder.encode(page, out);
                if (last) {
                    unitDone();
                }
            });
        }
        // Replacing a longer sheet: its pages past this one's last would be mixed in with it.
        for (int p = pages.size() + 1; options.overwrite()
                && Files.exists(batch.directory().resolve(sheetPage(options, p)), LinkOption.NOFOLLOW_LINKS); p++) {
            batch.retire(sheetPage(options, p));
        }
    }

    /**
     * The PDF handout: each step's picture at print resolution (at least twice the screen's, about
     * 190 dpi at 1×, more where the picture is printed smaller), its stage and its narration. Each
     * picture is compressed here while the FX thread draws the next one.
     */
    private IoConsumer<OutputStream> handout() {
        StepRange steps = options.steps();
        double scale = Math.max(PRINT_SCALE, options.scale());
        List<PdfHandout.Step> pages = new ArrayList<>();
        Future<HandoutStep> next = handoutStep(steps.first(), scale);
        for (int i = steps.first(); i <= steps.last(); i++) {
            checkCancelled();
            HandoutStep drawn = FxCalls.await(next);
            next = i < steps.last() ? handoutStep(i + 1, scale) : null;
            pages.add(new PdfHandout.Step(drawn.heading(), drawn.stage(), drawn.narration(),
                    PdfHandout.Picture.of(drawn.picture()), drawn.failed()));
            unitDone();
        }
        checkCancelled();
        Locale locale = options.locale();
        PdfHandout.Content content = FxCalls.call(() -> {
            Messages messages = window.messages();
            return new PdfHandout.Content(options.lesson().title().get(locale),
                    options.lesson().description().get(locale), messages.get("handout.contents"),
                    messages.get("handout.footer", Version.current()), messages.get("handout.page"),
                    locale.toLanguageTag(), pages);
        });
        return out -> {
            PdfHandout.write(content, options.paper(), out);
            unitDone();
        };
    }

    /** A step of the handout as the FX thread draws it, before its picture is compressed. */
    private record HandoutStep(String heading, String stage, String narration, ArgbImage picture, boolean failed) {
    }

    private Future<HandoutStep> handoutStep(int step, double scale) {
        int lastStep = options.lesson().size() - 1;
        return FxCalls.submit(() -> {
            window.show(step);
            return new HandoutStep(window.messages().get("controls.position", step, lastStep), window.chip(step),
                    window.narration(step), window.snapshot(options.area(), scale), window.failed(step));
        });
    }

    private Future<ArgbImage> resting(int step) {
        return FxCalls.submit(() -> {
            window.show(step);
            return window.snapshot(options.area(), options.scale());
        });
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the export was cancelled");
        }
    }

    private void unitDone() {
        done++;
        listener.progress(done, total);
    }

    /**
     * The PNG encoder for pictures of the window at a scale: its DPI, the app's name, and no row
     * filter. Measured on a 1700×1140 export (2×, light theme): unfiltered rows encode in
     * 6.6 ms to 164 KB against 8.6 ms and 183 KB with the adaptive filter. Flat UI colours and
     * anti-aliased text compress best raw; the pictures have no photos or gradients.
     */
    public static PngEncoder pngEncoder(double scale) {
        return new PngEncoder().withFilter(PngEncoder.Filter.NONE).withDpi(BASE_DPI * scale)
                .withText("Software", "Socket Lab " + Version.current());
    }

    /** The English name of a step for its file: its stage, and whether it failed ("issue-descriptor"). */
    public static String stepTitle(Lesson lesson, int step) {
        Stage stage = lesson.frame(step).step().stage();
        String name = stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return lesson.frame(step).step().failed() ? name + "-failed" : name;
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
