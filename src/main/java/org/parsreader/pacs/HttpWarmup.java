package org.parsreader.pacs;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The first use of the JDK's HTTP client in a process costs ~10 ms of one-time work before any
 * byte is sent: the URL handler's service lookup (which reads the jar's directory), the static set-up of
 * {@code HttpURLConnection} (net properties, its logger), the socket classes and their native
 * libraries, Jackson's parser for the answers. A {@code pars-reader pacs ...} process does the same
 * work while picocli builds its command model (~40 ms, single-threaded), so the CLI starts it on
 * a second core at once ({@link #start()}); the request then finds it done (issue 13, point 7: a
 * WADO-RS retrieve is timed as a whole process). Nothing here touches the network or a file, and
 * a failure only means that the first request pays for it, as without this class.
 */
public final class HttpWarmup implements Runnable {
    private HttpWarmup() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(new HttpWarmup(), "HTTP warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            // openConnection() makes no connection: the port is never dialled
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:9/warm-up").toURL().openConnection();
            c.setRequestProperty("Accept", "application/dicom+json");
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)));
            try (Socket s = new Socket()) {
                s.setSoTimeout(1); // creates the socket implementation (no connection either)
            }
            PlainJson.parse("[{\"00201208\":{\"vr\":\"IS\",\"Value\":[400]}}]".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            // speed only: the real request does this work itself
        }
    }
}
