package org.perfect21.api.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenFileTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aTokenIsGeneratedIntoAnOwnerOnlyFileAndPrintedOnce() throws IOException {
        Path dataDir = dir.resolve("not/yet/there");

        AdminTokenFile.AdminToken first = AdminTokenFile.loadOrCreate(dataDir, print());
        String firstOutput = output();
        out.reset();
        AdminTokenFile.AdminToken second = AdminTokenFile.loadOrCreate(dataDir, print());

        Path file = dataDir.toAbsolutePath().resolve("admin-token");
        assertThat(first.generated()).isTrue();
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file).strip()).isEqualTo(first.token());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(firstOutput).contains(first.token(), file.toString());
        assertThat(second.generated()).isFalse();
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(output()).contains(file.toString()).doesNotContain(first.token());
        assertThat(first.toString()).doesNotContain(first.token());
    }

    @Test
    void aFileWithoutAValidTokenIsReplaced() throws IOException {
        Files.writeString(dir.resolve("admin-token"), "short\n");

        AdminTokenFile.AdminToken token = AdminTokenFile.loadOrCreate(dir, print());

        assertThat(token.generated()).isTrue();
        assertThat(Files.readString(dir.resolve("admin-token")).strip()).isEqualTo(token.token());
    }

    @Test
    void aReusedFileThatOthersCouldReadIsNarrowed() throws IOException {
        Path file = dir.resolve("admin-token");
        Files.writeString(file, "a".repeat(43));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AdminTokenFile.loadOrCreate(dir, print());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
