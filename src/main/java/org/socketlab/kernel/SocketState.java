// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * The BSD-layer state of a socket ({@code struct socket.state}). A fresh socket is
 * SS_UNCONNECTED; SS_FREE is what the zeroed memory says before the form is filled in.
 */
public enum SocketState {
    SS_FREE,
    SS_UNCONNECTED,
    SS_CONNECTING,
    SS_CONNECTED,
    SS_DISCONNECTING
}
