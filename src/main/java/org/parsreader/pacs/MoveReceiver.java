package org.parsreader.pacs;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage SCP that receives a C-MOVE's instances: listens on a port as our AE title and hands
 * each association to PixelMed's {@link StorageSOPClassSCP}, which writes one file per SOP instance
 * UID into the folder. The accept loop is written here rather than PixelMed's
 * StorageSOPClassSCPDispatcher because that one binds inside its own thread (a port in use only
 * reaches its log) and keeps the port bound for up to 5 s after shutdown, so the next retrieve of
 * a batch could not listen. PixelMed's AnyExplicitStore policy accepts compressed transfer
 * syntaxes as offered (the reader decodes JPEG and JPEG-LS), so the PACS need not transcode.
 */
final class MoveReceiver implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Thread> associations = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();

    MoveReceiver(int port, String aeTitle, Path folder) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        ReceivedObjectHandler counter = new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String file, String ts, String aet) {
                received.incrementAndGet();
            }
        };
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException e) {
                    if (!socket.isClosed()) failures.add(e);
                    return;
                }
                Thread t = new Thread(() -> {
                    try {
                        new StorageSOPClassSCP(s, aeTitle, AssociationFactory.getDefaultMaximumLengthReceived(), AssociationFactory.getDefaultReceiveBufferSize(),
                                AssociationFactory.getDefaultSendBufferSize(), folder.toFile(), StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, counter, null,
                                null, null, null, new AnyExplicitStorePresentationContextSelectionPolicy()).run();
                    } catch (Exception e) {
                        failures.add(e);
                    } finally {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // the association is over either way
                        }
                    }
                }, "C-MOVE association from " + s.getRemoteSocketAddress());
                t.setDaemon(true);
                associations.add(t);
                t.start();
            }
        }, "C-MOVE storage SCP :" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Instances written so far. */
    int received() {
        return received.get();
    }

    /** The first error of an association (a connection cut in the middle, say), or null. */
    Exception firstFailure() {
        return failures.isEmpty() ? null : failures.get(0);
    }

    /** Waits up to millis for the associations opened so far to end (the PACS releases them after the last C-STORE response). */
    boolean awaitAssociations(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (Thread t : associations) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return false;
            t.join(left);
            if (t.isAlive()) return false;
        }
        return true;
    }

    /** Stops listening at once; associations still open are ended by closing their sockets when their threads finish. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket does not fail in a way we could act on
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
