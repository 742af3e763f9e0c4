// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * The protocol-layer state ({@code sk->sk_state}), named as Linux names it. UDP and raw
 * sockets reuse TCP_CLOSE and TCP_ESTABLISHED. {@link #NONE} is zeroed memory: the field
 * has not been written yet.
 */
public enum TcpState {
    NONE(0),
    TCP_ESTABLISHED(1),
    TCP_SYN_SENT(2),
    TCP_SYN_RECV(3),
    TCP_FIN_WAIT1(4),
    TCP_FIN_WAIT2(5),
    TCP_TIME_WAIT(6),
    TCP_CLOSE(7),
    TCP_CLOSE_WAIT(8),
    TCP_LAST_ACK(9),
    TCP_LISTEN(10),
    TCP_CLOSING(11);

    private final int number;

    TcpState(int number) {
        this.number = number;
    }

    /** The value the kernel stores in sk_state. */
    public int number() {
        return number;
    }
}
