package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void utcIsWrittenAsNumericOffsetWithSixFractionDigits() {
        assertEquals("2026-11-26T23:30:00.000000+00:00",
                new Timestamps(ZoneOffset.UTC).format(Instant.parse("2026-11-26T23:30:00Z")));
    }

    @Test
    void configuredZoneGivesItsOffset_likeTheReference() {
        assertEquals("2017-08-01T01:55:59.474387+09:00",
                new Timestamps(ZoneId.of("Asia/Tokyo")).format(Instant.parse("2017-07-31T16:55:59.474387Z")));
    }

    @Test
    void nanosecondsAreTruncatedToMicroseconds() {
        assertEquals("2017-07-31T16:55:59.999999+00:00",
                new Timestamps(ZoneOffset.UTC).format(Instant.parse("2017-07-31T16:55:59.999999999Z")));
    }
}
