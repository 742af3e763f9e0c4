// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.List;
import java.util.Objects;

/**
 * A lesson ready to play: its title, the code the class sees, and every frame from the
 * starting picture to the end. Frames are immutable snapshots, so the player moves between
 * them without recomputing anything.
 *
 * @param id          a stable name ("three-stages", or a file name)
 * @param title       the title
 * @param description one line about what it shows
 * @param code        the lines of code shown in the code panel
 * @param frames      frame 0 is the starting picture; at least one frame
 * @param origin      where the lesson was read from, to read it again
 * @param asksPredictions the lesson turns predict mode on when it opens ({@code predict: yes})
 */
public record Lesson(String id, LocalizedText title, LocalizedText description, List<String> code,
                     List<Frame> frames, LessonOrigin origin, boolean asksPredictions) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        code = List.copyOf(code);
        // Frames are immutable already and kept as calls; copying would make every frame.
        frames = frames instanceof Frames ? frames : List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least its starting frame");
        }
    }

    /** A lesson with no file behind it. */
    public Lesson(String id, LocalizedText title, LocalizedText description, List<String> code, List<Frame> frames) {
        this(id, title, description, code, frames, LessonOrigin.NONE);
    }

    /** A lesson that leaves predict mode as it is. */
    public Lesson(String id, LocalizedText title, LocalizedText description, List<String> code, List<Frame> frames,
                  LessonOrigin origin) {
        this(id, title, description, code, frames, origin, false);
    }

    /** How many frames there are. */
    public int size() {
        return frames.size();
    }

    /** The frame at an index. */
    public Frame frame(int index) {
        return frames.get(index);
    }
}
