package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:file:./data/aapf;AUTO_SERVER=TRUE                       | H2 file ./data/aapf",
        "jdbc:h2:./data/aapf;PASSWORD=secret                             | H2 ./data/aapf",
        "jdbc:h2:mem:aapf_test;DB_CLOSE_DELAY=-1                          | H2 in-memory aapf_test",
        "jdbc:h2:tcp://sa:secret@db:9092/aapf;USER=sa                     | H2 server db:9092/aapf",
        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=s&password=x | PostgreSQL 127.0.0.1:5432/test",
        "jdbc:postgresql://aapf:secret@db/aapf                            | PostgreSQL db/aapf",
        "jdbc:postgresql:aapf                                             | PostgreSQL aapf",
        "jdbc:mysql://root:secret@db/aapf                                 | mysql database",
    })
    void describesTheDatabaseWithoutCredentialsOrParameters(String url, String description) {
        assertEquals(description, JdbcUrls.describe(url));
    }
}
