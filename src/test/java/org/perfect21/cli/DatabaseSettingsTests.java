package org.perfect21.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A database the command cannot reach or log in to is one line naming the settings to check, and exit 2. */
class DatabaseSettingsTests {

    @TempDir
    Path dir;

    @Test
    void anUnreachableServerIsOneLineNamingTheSettings() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        CliCall result = CliCall.run(dir, "run", "feature-development",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/perfect21", "--spring.datasource.username=postgres");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Perfect21 could not start: cannot connect to the database (")
                .contains("refused", "spring.datasource.url", "SPRING_DATASOURCE_URL")
                .doesNotContain("held by another process").doesNotContain("\tat ");
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneLineToo() {
        CliCall result = CliCall.run(dir, "runs",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/p21_no_such_database", "--spring.datasource.username=postgres");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Perfect21 could not start: cannot connect to the database (")
                .contains("p21_no_such_database", "spring.datasource.username").doesNotContain("\tat ");
    }
}
