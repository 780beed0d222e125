package org.perfect21.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static List<String> describe() {
        return List.of(
                "- CPUs (nproc): " + Runtime.getRuntime().availableProcessors(),
                "- CPU model: " + firstValue(Path.of("/proc/cpuinfo"), "model name"),
                "- Memory: " + firstValue(Path.of("/proc/meminfo"), "MemTotal"),
                "- OS: " + osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + ", " + System.getProperty("os.arch") + ")",
                "- Java (`java -version`): " + javaVersion(),
                "- JVM options: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()),
                "- Max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String osRelease() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String javaVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return text.lines().map(String::trim).collect(Collectors.joining(" / "));
        } catch (IOException e) {
            return System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }
}
