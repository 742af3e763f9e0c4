// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.codec.ArgbImage;
import org.socketlab.codec.PngEncoder;
import org.socketlab.saving.ExportException.Reason;
import org.socketlab.testing.NoAccess;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    static IoConsumer<OutputStream> text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileWithExactlyTheBodysBytes() throws Exception {
        Path target = dir.resolve("01-allocate.png");
        byte[] png = new PngEncoder().encode(ArgbImage.filled(30, 20, 0xFF4F46E5));
        AtomicFileWriter.write(target, false, out -> new PngEncoder().encode(ArgbImage.filled(30, 20, 0xFF4F46E5), out));
        assertThat(target).hasBinaryContent(png);
        assertThat(namesIn(dir)).containsExactly("01-allocate.png");
    }

    @Test
    void aRelativePathIsSavedAndReportedAsAnAbsolutePath() throws Exception {
        Path missing = Path.of("no-such-folder-" + System.nanoTime(), "x.png");
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileWriter.write(missing, false, text("x")));
        assertThat(e.path()).isAbsolute().isEqualTo(missing.toAbsolutePath());
        assertThat(e.getMessage()).contains(missing.toAbsolutePath().getParent().toString());
    }

    @Test
    void missingFolderGivesAClearMessageAndCreatesNothing() {
        Path folder = dir.resolve("shots");
        Path target = folder.resolve("a.png");
        AtomicBoolean called = new AtomicBoolean();
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileWriter.write(target, false, out -> called.set(true)));
        assertThat(e.reason()).isEqualTo(Reason.FOLDER_MISSING);
        assertThat(e.getMessage()).isEqualTo("Cannot save \"" + target + "\": the folder \"" + folder
                + "\" does not exist.");
        assertThat(folder).doesNotExist();
        assertThat(called).isFalse();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsReported() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("shots"), "I am a file");
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileWriter.write(notAFolder.resolve("a.png"), false, text("x")));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_FOLDER);
        assertThat(e.getMessage()).contains("\"" + notAFolder + "\" is a file, not a folder");
    }

    @Test
    void aFolderWithTheTargetNameIsReported() throws Exception {
        Path target = Files.createDirectory(dir.resolve("a.png"));
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileWriter.write(target, true, text("x")));
        assertThat(e.reason()).isEqualTo(Reason.TARGET_IS_FOLDER);
        assertThat(e.getMessage()).contains("a folder with that name");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void bodyFailingHalfWayLeavesNeitherTargetNorTemporaryFile() throws Exception {
        Path target = dir.resolve("lesson.gif");
        ExportException e = catchThrowableOfType(ExportException.class, () ->
                AtomicFileWriter.write(target, false, out -> {
                    out.write(new byte[100_000]); // more than the buffer: really on disk
                    throw new IOException("encoder crashed");
                }));
        assertThat(e.reason()).isEqualTo(Reason.WRITE_FAILED);
        assertThat(e.getMessage()).isEqualTo("Cannot save \"" + target + "\": encoder crashed.");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void runtimeExceptionFromTheBodyIsRethrownAsIsAndCleanedUp() throws Exception {
        Path target = dir.resolve("a.png");
        IllegalStateException bug = new IllegalStateException("bug in the caller");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, false, out -> {
            out.write(1);
            throw bug;
        })).isSameAs(bug);
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void fullDiskIsExplainedAndLeavesNothing() throws Exception {
        Path target = dir.resolve("02-sock-alloc.png");
        ExportException e = catchThrowableOfType(ExportException.class, () ->
                AtomicFileWriter.write(target, false, out -> {
                    out.write(new byte[70_000]);
                    throw new IOException("No space left on device");
                }));
        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
        assertThat(e.getMessage()).startsWith("Cannot save \"" + target + "\": not enough disk space to write it");
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void fullDiskIsRecognisedEvenWhenWrappedInAnotherException() {
        Path target = dir.resolve("a.png");
        ExportException e = catchThrowableOfType(ExportException.class, () ->
                AtomicFileWriter.write(target, false, out -> {
                    throw new IOException("writing frame 7 failed", new IOException("No space left on device"));
                }));
        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
    }

    @Test
    void existingFileIsRefusedWithoutOverwriteAndKeepsItsContent() throws Exception {
        Path target = Files.writeString(dir.resolve("a.png"), "old picture");
        AtomicBoolean called = new AtomicBoolean();
        TargetExistsException e = catchThrowableOfType(TargetExistsException.class,
                () -> AtomicFileWriter.write(target, false, out -> called.set(true)));
        assertThat(e.existing()).containsExactly(target);
        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(e.getMessage()).isEqualTo("\"" + target + "\" already exists.");
        assertThat(target).hasContent("old picture");
        assertThat(called).as("nothing is encoded before asking").isFalse();
        assertThat(namesIn(dir)).containsExactly("a.png");
    }

    @Test
    void existingFileIsReplacedWithOverwrite() throws Exception {
        Path target = Files.writeString(dir.resolve("a.png"), "old picture");
        AtomicFileWriter.write(target, true, text("new picture"));
        assertThat(target).hasContent("new picture");
        assertThat(namesIn(dir)).containsExactly("a.png");
    }

    @Test
    void failedOverwriteKeepsTheOldFile() throws Exception {
        Path target = Files.writeString(dir.resolve("a.png"), "old picture");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, true, out -> {
            out.write("new pic".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(ExportException.class);
        assertThat(target).hasContent("old picture");
        assertThat(namesIn(dir)).containsExactly("a.png");
    }

    @Test
    void theBodyMayCloseTheStream() throws Exception {
        Path target = dir.resolve("a.txt");
        AtomicFileWriter.write(target, false, out -> {
            try (out) {
                out.write("closed early".getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThat(target).hasContent("closed early");
    }

    @Test
    void newFilesGetNormalPermissionsNotOwnerOnlyOnes() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("a.png");
        AtomicFileWriter.write(target, false, text("x"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void replacedFilesKeepTheirPermissions() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> custom = PosixFilePermissions.fromString("rw-rw-r--");
        Path target = Files.writeString(dir.resolve("a.png"), "old");
        Files.setPosixFilePermissions(target, custom);
        AtomicFileWriter.write(target, true, text("new"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(custom);
    }

    @Test
    void aFolderThatRefusesIsReportedAsNoPermission() throws Exception {
        Path folder = NoAccess.folderNobodyMayWriteIn();
        List<String> before = namesIn(folder);
        Path target = folder.resolve("a.png");

        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileWriter.write(target, false, text("x")));

        assertThat(e.reason()).isEqualTo(Reason.NO_PERMISSION);
        assertThat(e.getMessage()).contains("you do not have permission to write in the folder \"" + folder + "\"");
        assertThat(namesIn(folder)).isEqualTo(before);
    }
}
