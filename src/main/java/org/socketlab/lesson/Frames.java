// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;

/**
 * A lesson's frames, kept as the calls that make them rather than as the frames themselves:
 * for each call the state it started from (which the previous call ended with, so nothing is
 * stored twice), and the frames are worked out again when asked for. The kernel is pure, so
 * they come out the same every time. A replayed log of 100,000 lines makes a quarter of a
 * million frames; kept whole they would not fit in a modest heap.
 *
 * <p>Immutable and safe to read from any thread. The frames of the two calls last asked for are
 * remembered, so stepping through a call returns the same frame objects — also when the picture
 * of a call's first frame looks back at the call before it (as {@code player.Picture} does).
 */
public final class Frames extends AbstractList<Frame> implements RandomAccess {

    /** One call: how to make its frames again, or (explicit) the frames themselves. */
    private record Segment(KernelState before, int pid, Syscall call, int codeLine, LocalizedText say,
                           KernelCheck check, List<Frame> explicit) {
    }

    /** The frames of one segment, remembered. */
    private record Cached(int segment, List<Frame> frames) {
    }

    /** The two segments asked for last, the latest first. */
    private record Recent(Cached latest, Cached earlier) {
    }

    private final Segment[] segments;
    /** The index of each segment's first frame, ascending. */
    private final int[] starts;
    private final int size;
    private volatile Recent recent = new Recent(null, null);

    private Frames(Segment[] segments, int[] starts, int size) {
        this.segments = segments;
        this.starts = starts;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Frame get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + size);
        }
        int s = Arrays.binarySearch(starts, index);
        if (s < 0) {
            s = -s - 2;
        }
        return framesOf(s).get(index - starts[s]);
    }

    private List<Frame> framesOf(int s) {
        Recent r = recent;
        if (r.latest() != null && r.latest().segment() == s) {
            return r.latest().frames();
        }
        if (r.earlier() != null && r.earlier().segment() == s) {
            recent = new Recent(r.earlier(), r.latest());
            return r.earlier().frames();
        }
        Segment seg = segments[s];
        List<Frame> frames = seg.explicit();
        if (frames == null) {
            List<Step> steps = Kernel.execute(seg.before(), seg.pid(), seg.call());
            List<Frame> made = new ArrayList<>(steps.size());
            for (Step step : steps) {
                made.add(new Frame(step, seg.codeLine(), seg.say(), seg.check()));
            }
            frames = List.copyOf(made);
        }
        recent = new Recent(new Cached(s, frames), r.latest());
        return frames;
    }

    /** Collects segments; {@link LessonScript} builds the lesson's frames with it. */
    static final class Builder {
        /** The frames kept, or null when only counted. */
        private final List<Segment> segments;
        private int[] starts = new int[64];
        private int size;
        private int segmentCount;

        /** A builder that keeps the frames. */
        Builder() {
            this(true);
        }

        /** A builder that keeps the frames, or only counts them and cannot build. */
        Builder(boolean keep) {
            segments = keep ? new ArrayList<>() : null;
        }

        /** Frames kept as they are. */
        void explicit(List<Frame> frames) {
            add(new Segment(null, 0, null, 0, null, null, List.copyOf(frames)), frames.size());
        }

        /** The frames of {@code Kernel.execute(before, pid, call)}, which has {@code count} steps. */
        void call(KernelState before, int pid, Syscall call, int count, int codeLine, LocalizedText say,
                  KernelCheck check) {
            add(new Segment(before, pid, call, codeLine, say, check, null), count);
        }

        private void add(Segment segment, int count) {
            size += count;
            if (segments == null) {
                return;
            }
            if (segmentCount == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[segmentCount++] = size - count;
            segments.add(segment);
        }

        int size() {
            return size;
        }

        Frames build() {
            if (segments == null) {
                throw new IllegalStateException("the frames were counted, not kept");
            }
            return new Frames(segments.toArray(new Segment[0]), Arrays.copyOf(starts, segments.size()), size);
        }
    }
}
