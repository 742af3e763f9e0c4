// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * The simulated protocol stack's entry point: a system call, made by one process in one
 * state, becomes the list of steps the kernel goes through. Pure: the same state and call
 * always give the same steps, and nothing is modified.
 */
public final class Kernel {
    private Kernel() {
    }

    /**
     * Runs a call. The last step carries the call's outcome; a failing call's last step has
     * the state the call started from — a failed call leaks nothing.
     *
     * @throws java.util.NoSuchElementException when no process has that pid (for
     *         {@link Syscall.Attach}: when {@code pid} is not the attach's own)
     */
    public static List<Step> execute(KernelState state, int pid, Syscall call) {
        return call.match(new Dispatch(state, pid));
    }

    /**
     * What a call does ({@link CallEffect}): the same as {@code CallEffect.of(execute(state, pid, call))},
     * found without building the intermediate states where the model knows how (a socket() that
     * succeeds: the last of its three states only; a close() of an open drawer: no picture of the emptying).
     *
     * @throws java.util.NoSuchElementException as {@link #execute}
     */
    public static CallEffect effect(KernelState state, int pid, Syscall call) {
        CallEffect known = null;
        if (call instanceof Syscall.Socket socket) {
            state.process(pid);
            known = SocketCreation.issue(state, pid, socket);
        } else if (call instanceof Syscall.Close close) {
            state.process(pid);
            known = Closing.effect(state, pid, close);
        }
        return known != null ? known : CallEffect.of(execute(state, pid, call));
    }

    /** Which part of the kernel runs each call: one method per call, so none can be forgotten. */
    private record Dispatch(KernelState state, int pid) implements SyscallCases<List<Step>> {
        /** The state, after checking that the caller exists. */
        private KernelState caller() {
            state.process(pid);
            return state;
        }

        @Override
        public List<Step> socket(Syscall.Socket call) {
            return SocketCreation.run(caller(), pid, call);
        }

        @Override
        public List<Step> close(Syscall.Close call) {
            return Closing.run(caller(), pid, call);
        }

        @Override
        public List<Step> closeRange(Syscall.CloseRange call) {
            return Closing.range(caller(), pid, call);
        }

        @Override
        public List<Step> bind(Syscall.Bind call) {
            return Binding.run(caller(), pid, call);
        }

        @Override
        public List<Step> listen(Syscall.Listen call) {
            return Listening.run(caller(), pid, call);
        }

        @Override
        public List<Step> connect(Syscall.Connect call) {
            return Connecting.run(caller(), pid, call);
        }

        @Override
        public List<Step> accept(Syscall.Accept call) {
            return Accepting.run(caller(), pid, call);
        }

        @Override
        public List<Step> send(Syscall.Send call) {
            return Sending.run(caller(), pid, call);
        }

        @Override
        public List<Step> receive(Syscall.Receive call) {
            return Receiving.run(caller(), pid, call);
        }

        @Override
        public List<Step> receiveFromOutside(Syscall.ReceiveFromOutside call) {
            return Receiving.fromOutside(caller(), pid, call);
        }

        @Override
        public List<Step> sendMessage(Syscall.SendMessage call) {
            return Passing.send(caller(), pid, call);
        }

        @Override
        public List<Step> receiveMessage(Syscall.ReceiveMessage call) {
            return Passing.receive(caller(), pid, call);
        }

        @Override
        public List<Step> setSocketOption(Syscall.SetSocketOption call) {
            return SocketOptions.run(caller(), pid, call);
        }

        @Override
        public List<Step> getSocketOption(Syscall.GetSocketOption call) {
            return SocketOptions.get(caller(), pid, call);
        }

        @Override
        public List<Step> connectToOutside(Syscall.ConnectToOutside call) {
            return Connecting.toOutside(caller(), pid, call);
        }

        @Override
        public List<Step> disconnect(Syscall.Disconnect call) {
            return Connecting.disconnect(caller(), pid, call);
        }

        @Override
        public List<Step> handshakeFromOutside(Syscall.HandshakeFromOutside call) {
            return Connecting.answeredFromOutside(caller(), pid, call);
        }

        @Override
        public List<Step> signalAction(Syscall.SignalAction call) {
            return ProcessCalls.signal(caller(), pid, call);
        }

        @Override
        public List<Step> shutdown(Syscall.Shutdown call) {
            return ShuttingDown.run(caller(), pid, call);
        }

        @Override
        public List<Step> dup(Syscall.Dup call) {
            return Duplicating.dup(caller(), pid, call);
        }

        @Override
        public List<Step> getFd(Syscall.GetFd call) {
            return Duplicating.fromProcess(caller(), pid, call);
        }

        @Override
        public List<Step> dup2(Syscall.Dup2 call) {
            return Duplicating.dup2(caller(), pid, call);
        }

        @Override
        public List<Step> fork(Syscall.Fork call) {
            return ProcessCalls.fork(caller(), pid, call);
        }

        @Override
        public List<Step> exit(Syscall.Exit call) {
            return ProcessCalls.exit(caller(), pid, call);
        }

        @Override
        public List<Step> exec(Syscall.Exec call) {
            return Executing.run(caller(), pid, call);
        }

        @Override
        public List<Step> setLimit(Syscall.SetLimit call) {
            return ProcessCalls.setLimit(caller(), pid, call);
        }

        @Override
        public List<Step> netlinkBind(Syscall.NetlinkBind call) {
            return Opening.netlinkBind(caller(), pid, call);
        }

        @Override
        public List<Step> netlinkSocket(Syscall.NetlinkSocket call) {
            return Opening.netlinkSocket(caller(), pid, call);
        }

        @Override
        public List<Step> open(Syscall.Open call) {
            return Opening.open(caller(), pid, call);
        }

        @Override
        public List<Step> openedOutside(Syscall.OpenedOutside call) {
            return Opening.outside(caller(), pid, call);
        }

        @Override
        public List<Step> epollControl(Syscall.EpollControl call) {
            return Watching.control(caller(), pid, call);
        }

        @Override
        public List<Step> waitReady(Syscall.Wait call) {
            return Watching.waited(caller(), pid, call);
        }

        @Override
        public List<Step> socketPair(Syscall.SocketPair call) {
            return SocketPairing.run(caller(), pid, call);
        }

        @Override
        public List<Step> acceptFromOutside(Syscall.AcceptFromOutside call) {
            return Accepting.fromOutside(caller(), pid, call);
        }

        @Override
        public List<Step> fcntl(Syscall.Fcntl call) {
            return FileControl.fcntl(caller(), pid, call);
        }

        @Override
        public List<Step> ioctl(Syscall.Ioctl call) {
            return FileControl.ioctl(caller(), pid, call);
        }

        /** The one call whose process need not exist yet: it makes it. */
        @Override
        public List<Step> attach(Syscall.Attach call) {
            return ProcessCalls.attach(state, pid, call);
        }
    }

    /** The state after a call: the last step's state. */
    public static KernelState after(KernelState state, int pid, Syscall call) {
        List<Step> steps = execute(state, pid, call);
        return steps.get(steps.size() - 1).state();
    }
}
