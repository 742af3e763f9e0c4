// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import org.socketlab.lesson.LocalizedText;

/**
 * The replay's own words on the frames it adds or explains, in both languages of a lesson:
 * steps the model inferred from the log rather than predicted.
 */
final class ReplayTexts {
    static final LocalizedText OPENED_OUTSIDE = new LocalizedText(
            "跟踪记录里看不到打开它们的调用：由推断得出", "Inferred: the trace does not show the calls that opened these");
    static final LocalizedText CLOSED_OUTSIDE = new LocalizedText(
            "推断：跟踪记录里看不到关闭它的调用", "Inferred: the trace does not show the call that closed this");
    static final LocalizedText RESERVED = new LocalizedText(
            "accept() 在等待之前就占用了最小的空闲抽屉", "accept() takes the lowest free drawer before it waits");
    static final LocalizedText SERVED_FIRST = new LocalizedText(
            "另一个线程同时进行的调用先拿到了这个抽屉（内核的回答表明了这一点）",
            "A call another thread was making at the same time got this drawer first (the kernel's answer shows it)");
    static final LocalizedText SERVED_FIRST_USED = new LocalizedText(
            "那个调用返回了：先拿到的抽屉归它", "That call returns: the drawer it got first is its own");
    static final LocalizedText RESERVATION_USED = new LocalizedText(
            "等待结束：预留的抽屉交给新连接", "The wait is over: the reserved drawer goes to the new connection");
    static final LocalizedText KERNEL_CHOSE_PORT = new LocalizedText(
            "端口 0：内核选的端口取自跟踪记录", "Port 0: the port the kernel chose is taken from the trace");
    static final LocalizedText KERNEL_CHOSE_PORT_ID = new LocalizedText(
            "nl_pid 0：内核选的端口号取自跟踪记录（先试进程号）",
            "nl_pid 0: the port id the kernel chose is taken from the trace (it tries the process id first)");
    static final LocalizedText FOLLOWS_KERNEL = new LocalizedText(
            "模型的预测与内核不同：模型跟随内核", "The model predicted otherwise: it follows the kernel");
    static final LocalizedText LIMIT_INFERRED = new LocalizedText(
            "推断：内核的回答说明了描述符上限", "Inferred: the kernel's answers show the descriptor limit");
    static final LocalizedText ANSWER_FROM_OUTSIDE = new LocalizedText(
            "推断：握手的结果来自跟踪之外的服务器，由内核的回答得知",
            "Inferred: the handshake's end comes from a server outside the trace, as the kernel's answer shows");

    private ReplayTexts() {
    }
}
