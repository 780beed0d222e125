package org.perfect21.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Claude Code CLI the tests run: the binary the build installs into {@code .tools/claude-code} (the pom's
 * {@code install-claude-code} profile), handed to the tests by surefire as {@value #PROPERTY}.
 */
public final class ClaudeCli {

    public static final String PROPERTY = "perfect21.test.claude";
    private static final String INSTALLED = ".tools/claude-code/node_modules/@anthropic-ai/claude-code-linux-x64/claude";

    private ClaudeCli() {
    }

    /** The binary; fails with what to do when it is not installed. */
    public static Path binary() {
        Path binary = Path.of(System.getProperty(PROPERTY, INSTALLED)).toAbsolutePath();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the Claude Code CLI is not installed at " + binary + ": run 'mvn initialize'"
                    + " once (its install-claude-code profile runs npm), or set -D" + PROPERTY + " to a claude binary");
        }
        return binary;
    }
}
