import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter client talking to a notebook through the AAPF proxy only, with the JDK's HTTP and WebSocket clients:
 * {@code api/status} with and without the token, a kernel started over REST, {@code print(6*7)} executed over the
 * kernel's WebSocket, the kernel deleted. Prints each step. Run: {@code java ProxyKernel.java <notebook URL> <token>},
 * the notebook URL being {@code http://host:port} + the instance's {@code urlPath}.
 */
public final class ProxyKernel {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(base + "/api/status?token=" + token)));
        System.out.println("GET  " + path(base) + "/api/status?token=<token> -> " + status.statusCode() + " "
                + status.body());
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/api/status")));
        System.out.println("GET  " + path(base) + "/api/status (no token)    -> " + anonymous.statusCode());

        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/kernels"))
                .header("Authorization", "token " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")));
        System.out.println("POST " + path(base) + "/api/kernels -> " + created.statusCode() + " " + created.body());
        String kernel = field(created.body(), "id");

        String ws = base.replaceFirst("^http", "ws") + "/api/kernels/" + kernel + "/channels?token=" + token;
        Messages messages = new Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(ws), messages).get(30, TimeUnit.SECONDS);
        System.out.println("WS   " + path(base) + "/api/kernels/" + kernel + "/channels -> open");
        String msgId = UUID.randomUUID().toString();
        socket.sendText(executeRequest(msgId, "print(6*7)"), true).join();
        System.out.println("WS   -> execute_request print(6*7) (msg_id " + msgId + ")");
        String output = messages.awaitStdout(msgId, Duration.ofSeconds(60));
        System.out.println("WS   <- stream stdout: " + output.strip());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + kernel))
                .header("Authorization", "token " + token).DELETE());
        System.out.println("DELETE " + path(base) + "/api/kernels/" + kernel + " -> " + deleted.statusCode());
        if (status.statusCode() != 200 || anonymous.statusCode() != 403 || !output.strip().equals("42")) {
            System.exit(1);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(String base) {
        return URI.create(base).getPath();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** A Jupyter messaging protocol 5.3 {@code execute_request} on the shell channel. */
    private static String executeRequest(String msgId, String code) {
        return """
                {"header": {"msg_id": "%s", "username": "aapf-example", "session": "%s",
                            "msg_type": "execute_request", "version": "5.3", "date": "%s"},
                 "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                 "content": {"code": "%s", "silent": false, "store_history": true, "user_expressions": {},
                             "allow_stdin": false, "stop_on_error": true}}
                """.formatted(msgId, UUID.randomUUID(), Instant.now(), code);
    }

    /** Collects the kernel's JSON messages (text frames). */
    private static final class Messages implements WebSocket.Listener {
        private static final Pattern STREAM = Pattern.compile("\"msg_type\"\\s*:\\s*\"stream\"");
        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The text of the first stdout stream message answering {@code msgId}. */
        String awaitStdout(String msgId, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                String message = received.poll(1, TimeUnit.SECONDS);
                if (message != null && STREAM.matcher(message).find() && message.contains(msgId)) {
                    return field(message.substring(message.indexOf("\"content\"")), "text");
                }
            }
            throw new IllegalStateException("no output within " + timeout);
        }
    }
}
