// SPDX-License-Identifier: Apache-2.0
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A ServerSocket, a client Socket and a thread: the everyday blocking Java server. The JVM
 * opens IPv6 sockets and binds the listener to ::ffff:127.0.0.1 (IPv4-mapped); a second
 * thread blocks in accept() while main connects; the server thread echoes one line and
 * shuts its output (FIN). Then main prints READY, waits for a line on stdin and halts the
 * JVM without closing anything, so /proc/PID/fd at READY is what the process has when it
 * exits.
 *
 * Build and run: javac -d . ThreadedEcho.java && java -cp . ThreadedEcho
 */
public final class ThreadedEcho {
    public static void main(String[] args) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Socket[] accepted = new Socket[1];
        Thread echo = new Thread(() -> {
            try {
                Socket conn = server.accept();
                accepted[0] = conn;
                BufferedReader in = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(conn.getOutputStream(), true, StandardCharsets.UTF_8);
                out.println(in.readLine());
                conn.shutdownOutput();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "echo");
        echo.start();
        Socket client = new Socket("127.0.0.1", server.getLocalPort());
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        out.println("hello");
        String reply = in.readLine();
        String end = in.readLine();
        echo.join();
        System.out.println("echoed " + reply + " on port " + server.getLocalPort() + ", then " + end + "; READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Runtime.getRuntime().halt(0);
    }
}
