package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    @Test
    void recordBecomesOneJsonLine_withParametersFilledIn_andTheError() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "method={0} route={1} \"quoted\"\nsecond line");
        record.setParameters(new Object[] {"GET", "/api/v1/aaclusters/{name}"});
        record.setLoggerName("org.aapf.access");
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogFormatter().format(record);

        assertEquals(1, line.lines().count(), line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("WARNING", json.path("level").asText());
        assertEquals("org.aapf.access", json.path("logger").asText());
        assertEquals("method=GET route=/api/v1/aaclusters/{name} \"quoted\"\nsecond line",
                json.path("message").asText());
        assertTrue(json.path("error").asText().startsWith("java.lang.IllegalStateException: boom"));
        assertTrue(json.path("time").asText().endsWith("Z"));
    }
}
