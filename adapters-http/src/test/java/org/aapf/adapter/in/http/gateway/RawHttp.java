package org.aapf.adapter.in.http.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sends a request byte for byte as written (no client-side path normalization) and reads the whole answer. */
final class RawHttp {

    private RawHttp() {
    }

    /** @param head request line and headers, each line without CRLF; Host and Connection: close are added */
    static Response send(int port, String... head) throws IOException {
        return sendAs("127.0.0.1:" + port, port, head);
    }

    /**
     * As {@link #send}, with {@code Host: host} (e.g. a notebook's own origin, {@code abc.localhost:port}: Java does
     * not resolve {@code *.localhost}, so the test connects to 127.0.0.1 and names the host the browser would).
     */
    static Response sendAs(String host, int port, String... head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder();
            for (String line : head) {
                request.append(line).append("\r\n");
            }
            request.append("Host: ").append(host).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Half-close: the server then ends the connection after answering, so reading to EOF is reliable.
            socket.shutdownOutput();
            return Response.parse(socket.getInputStream().readAllBytes());
        }
    }

    /** A parsed HTTP/1.1 response (chunked bodies decoded). */
    record Response(int status, List<String> headerLines, String body) {

        static Response parse(byte[] bytes) throws IOException {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            String body = text.substring(end + 4);
            boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                    && h.toLowerCase(Locale.ROOT).contains("chunked"));
            return new Response(status, headers, chunked ? dechunk(body) : body);
        }

        boolean hasHeader(String name) {
            return header(name) != null;
        }

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst().orElse(null);
        }

        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }

        private static String dechunk(String body) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1));
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) != '\n' && c != -1) {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (length == 0) {
                    return out.toString(StandardCharsets.ISO_8859_1);
                }
                out.write(in.readNBytes(length));
                in.skip(2);
            }
        }
    }
}
