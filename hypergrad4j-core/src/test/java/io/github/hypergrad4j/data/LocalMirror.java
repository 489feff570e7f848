package io.github.hypergrad4j.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A mirror on 127.0.0.1 (port chosen by the OS) whose files can misbehave in chosen ways. */
final class LocalMirror implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-mirror");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Released on close, so stalled handlers end. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    LocalMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // handlers that stall must not block the server's dispatcher
        server.createContext("/", ex -> {
            String name = ex.getRequestURI().getPath().replaceFirst(".*/", "");
            requests.add(name);
            try {
                files.getOrDefault(name, e -> status(e, 404)).handle(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away, or a deliberately short body: nothing to do
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
    }

    List<String> requests() {
        return requests;
    }

    void serve(String name, byte[] content) {
        files.put(name, ex -> {
            ex.sendResponseHeaders(200, content.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(content);
            }
        });
    }

    void fail(String name, int status) {
        files.put(name, ex -> status(ex, status));
    }

    /** Announces the full length, sends only {@code sent} bytes, then drops the connection. */
    void cutShort(String name, byte[] content, int sent) {
        files.put(name, ex -> {
            ex.sendResponseHeaders(200, content.length);
            OutputStream out = ex.getResponseBody();
            out.write(content, 0, sent);
            out.flush();
            // Not out.close(): that marks the exchange closed and keeps the connection alive, so the client
            // would wait for the rest. HttpExchange.close() (below) finds bytes missing and drops the socket.
        });
    }

    /** Sends the headers and part of the body, then waits until the mirror is closed. */
    void stall(String name, byte[] content) {
        files.put(name, ex -> {
            ex.sendResponseHeaders(200, content.length);
            OutputStream out = ex.getResponseBody();
            out.write(content, 0, content.length / 2);
            out.flush();
            closing.await(30, TimeUnit.SECONDS);
        });
    }

    private static void status(HttpExchange ex, int code) throws IOException {
        byte[] body = ("error " + code).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ex.sendResponseHeaders(code, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
