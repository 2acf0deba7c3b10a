package org.openhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Operations: a clear start-up error when the database cannot be reached. */
class DatabaseUnreachableFailureAnalyzerTests {

    private final DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer(
            new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/openhall"));

    @Test
    void explainsAnUnreachableDatabase() {
        var failure = new IllegalStateException("context failed",
                new RuntimeException(new SQLException("Connection to db:5432 refused", "08001")));
        var analysis = analyzer.analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("jdbc:postgresql://db:5432/openhall").contains("refused");
        assertThat(analysis.getAction()).contains("OPENHALL_DB_URL");
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(analyzer.analyze(new IllegalStateException("other"))).isNull();
        assertThat(analyzer.analyze(new RuntimeException(new SQLException("syntax error", "42601")))).isNull();
    }
}
