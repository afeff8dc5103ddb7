package org.aapf.adapter.in.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import io.helidon.webserver.http.ServerRequest;

/**
 * Refuses request bodies larger than a limit with 413: at once when {@code Content-Length} says so, otherwise (chunked
 * bodies) as soon as reading passes the limit.
 */
final class RequestBodyLimit {

    private final long maxBytes;

    RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Refuses {@code req} now if it declares too long a body, else makes reading its body stop at the limit. */
    void apply(ServerRequest req) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw HttpProblem.payloadTooLarge(maxBytes);
        }
        req.streamFilter(body -> new LimitedInputStream(body, maxBytes));
    }

    /** Counts the bytes read and fails once there are more than allowed. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long maxBytes;
        private long count;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > maxBytes) {
                throw HttpProblem.payloadTooLarge(maxBytes);
            }
        }
    }
}
