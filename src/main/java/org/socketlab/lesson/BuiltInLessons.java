// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.List;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.SocketType;
import org.socketlab.kernel.Syscall;

/** The lessons that ship with Socket Lab. */
public final class BuiltInLessons {
    /** The id of the lesson the app opens with. */
    public static final String THREE_STAGES = "three-stages";

    private BuiltInLessons() {
    }

    /**
     * "socket(): three stages": a fresh process creates a TCP socket (ticket 3), then a second
     * one (ticket 4), so the cabinet visibly fills.
     */
    public static Lesson threeStages() {
        MachineSetup setup = MachineSetup.DEFAULT;
        List<String> code = List.of(
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "int fd2 = socket(AF_INET, SOCK_STREAM, 0);");
        Syscall tcp = new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0);
        return LessonScript.on(setup)
                .call(0, setup.pid(), tcp, LocalizedText.EMPTY)
                .call(1, setup.pid(), tcp, LocalizedText.EMPTY)
                .build(THREE_STAGES,
                        new LocalizedText("socket()：三个阶段", "socket(): three stages"),
                        new LocalizedText("一个空盒子、一张表格、一张存衣牌", "An empty box, a form, a coat-check ticket"),
                        code);
    }
}
