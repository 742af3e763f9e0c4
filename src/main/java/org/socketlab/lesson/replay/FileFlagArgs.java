// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.TraceCall;

/**
 * Reads fcntl() and ioctl() as strace prints them ({@code fcntl(5, F_SETFL, O_RDWR|O_NONBLOCK)},
 * {@code ioctl(7, FIONBIO, [1])}, {@code ioctl(3, FIOCLEX)}) into the kernel model's calls,
 * for the commands and requests the model runs.
 */
final class FileFlagArgs {
    private static final List<String> COMMANDS = List.of("F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL");
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int FD_CLOEXEC = 1;
    private static final int O_NONBLOCK = 0x800;
    private static final int FIONBIO = 0x5421;
    private static final int FIONCLEX = 0x5450;
    private static final int FIOCLEX = 0x5451;

    private FileFlagArgs() {
    }

    /** The fcntl command, if it is one the model runs (F_DUPFD ... F_SETFL, F_DUPFD_CLOEXEC). */
    static OptionalInt fcntlCommand(TraceCall c) {
        List<String> names = c.arg(1).map(Arg::flagNames).orElse(List.of());
        if (names.size() != 1) {
            return OptionalInt.empty();
        }
        int index = COMMANDS.indexOf(names.get(0));
        if (index >= 0) {
            return OptionalInt.of(index);
        }
        return names.get(0).equals("F_DUPFD_CLOEXEC") ? OptionalInt.of(F_DUPFD_CLOEXEC) : OptionalInt.empty();
    }

    static boolean duplicates(int command) {
        return command == 0 || command == F_DUPFD_CLOEXEC;
    }

    /** fcntl(fd, F_GETFD/F_SETFD/F_GETFL/F_SETFL, flags): the flags reduced to the ones the model keeps. */
    static Syscall.Fcntl fcntl(TraceCall c, int command) {
        int fd = CallArgs.intArg(c, 0).orElse(-1);
        Optional<Arg> arg = c.arg(2);
        long value = 0;
        if (arg.isPresent()) {
            List<String> names = arg.get().flagNames();
            if (names.contains("O_NONBLOCK")) {
                value |= O_NONBLOCK;
            }
            if (names.contains("FD_CLOEXEC")) {
                value |= FD_CLOEXEC;
            }
            if (names.isEmpty()) {
                value = arg.get().asLong().orElse(0);
            }
        }
        return new Syscall.Fcntl(fd, command, value);
    }

    /** ioctl(fd, FIONBIO, [n]) / FIOCLEX / FIONCLEX; empty for any other request. */
    static Optional<Syscall.Ioctl> ioctl(TraceCall c) {
        int fd = CallArgs.intArg(c, 0).orElse(-1);
        List<String> names = c.arg(1).map(Arg::flagNames).orElse(List.of());
        if (names.size() != 1) {
            return Optional.empty();
        }
        return switch (names.get(0)) {
            case "FIONBIO" -> Optional.of(new Syscall.Ioctl(fd, FIONBIO, pointedInt(c.arg(2))));
            case "FIOCLEX" -> Optional.of(new Syscall.Ioctl(fd, FIOCLEX, 0));
            case "FIONCLEX" -> Optional.of(new Syscall.Ioctl(fd, FIONCLEX, 0));
            default -> Optional.empty();
        };
    }

    /** The int behind a pointer strace prints as {@code [1]}. */
    private static int pointedInt(Optional<Arg> arg) {
        if (arg.isPresent() && arg.get() instanceof Arg.Array array && !array.items().isEmpty()) {
            return array.items().get(0).asInt().orElse(0);
        }
        return arg.flatMap(a -> a.asInt().isPresent() ? Optional.of(a.asInt().getAsInt()) : Optional.empty())
                .orElse(0);
    }
}
