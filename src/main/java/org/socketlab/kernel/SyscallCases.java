// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * One method per kind of call: implementing this is an exhaustive switch over the calls,
 * checked by the compiler (Java 17 has no pattern {@code switch}). A new call adds a
 * method here, and every place that handles calls stops compiling until it handles it.
 *
 * @param <R> what handling a call gives
 */
public interface SyscallCases<R> {
    R socket(Syscall.Socket call);

    R close(Syscall.Close call);

    R closeRange(Syscall.CloseRange call);

    R bind(Syscall.Bind call);

    R listen(Syscall.Listen call);

    R connect(Syscall.Connect call);

    R accept(Syscall.Accept call);

    R send(Syscall.Send call);

    R receive(Syscall.Receive call);

    R receiveFromOutside(Syscall.ReceiveFromOutside call);

    R sendMessage(Syscall.SendMessage call);

    R receiveMessage(Syscall.ReceiveMessage call);

    R setSocketOption(Syscall.SetSocketOption call);

    R getSocketOption(Syscall.GetSocketOption call);

    R connectToOutside(Syscall.ConnectToOutside call);

    R disconnect(Syscall.Disconnect call);

    R handshakeFromOutside(Syscall.HandshakeFromOutside call);

    R signalAction(Syscall.SignalAction call);

    R shutdown(Syscall.Shutdown call);

    R dup(Syscall.Dup call);

    R dup2(Syscall.Dup2 call);

    R getFd(Syscall.GetFd call);

    R fork(Syscall.Fork call);

    R exit(Syscall.Exit call);

    R exec(Syscall.Exec call);

    R setLimit(Syscall.SetLimit call);

    R netlinkBind(Syscall.NetlinkBind call);

    R netlinkSocket(Syscall.NetlinkSocket call);

    R open(Syscall.Open call);

    R openedOutside(Syscall.OpenedOutside call);

    R socketPair(Syscall.SocketPair call);

    R acceptFromOutside(Syscall.AcceptFromOutside call);

    R attach(Syscall.Attach call);

    R fcntl(Syscall.Fcntl call);

    R ioctl(Syscall.Ioctl call);
}
