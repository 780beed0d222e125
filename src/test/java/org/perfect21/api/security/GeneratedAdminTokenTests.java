package org.perfect21.api.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.Perfect21Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server started as {@code serve} starts it: without tokens, and with a bad token list. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminTokenTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void withoutTokensAnAdminTokenIsGeneratedOnceAndTheServerListensOnLoopbackOnly(CapturedOutput output)
            throws Exception {
        Path file = dataDir.resolve("admin-token");
        String token;
        try (ConfigurableApplicationContext server = start()) {
            assertThat(file).exists();
            token = Files.readString(file).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(output.getOut()).contains(token, file.toString());
            assertThat(output.getErr()).as("loggers never see the token").doesNotContain(token)
                    .contains("No perfect21.tokens configured");
            assertThat(address(server)).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(status(server, "/actuator/prometheus", token)).isEqualTo(200);
            assertThat(status(server, "/actuator/prometheus", "wrong")).isEqualTo(401);
        }
        int printed = count(output.getOut(), token);

        try (ConfigurableApplicationContext again = start()) {
            assertThat(Files.readString(file).strip()).as("reused").isEqualTo(token);
            assertThat(count(output.getOut(), token)).as("printed only when generated").isEqualTo(printed);
            assertThat(status(again, "/api/admin/anything", token)).isEqualTo(404);
        }
    }

    @Test
    void aBadTokenEntryFailsStartupWithoutShowingTheToken(CapturedOutput output) {
        String secret = "SUPER-SECRET-VALUE-" + System.nanoTime();

        assertThatThrownBy(() -> start("--perfect21.tokens=viewer:fine-token-value,superuser:" + secret).close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage()).contains("perfect21.tokens", "entry 2 of 2").doesNotContain(secret);
                });
        assertThat(output.getAll()).doesNotContain(secret);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--perfect21.data-dir=" + dataDir;
        args[2] = "--perfect21.jobs-dir=jobs";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new SpringApplicationBuilder(Perfect21Application.class).web(WebApplicationType.SERVLET).run(args);
    }

    private static InetAddress address(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return (InetAddress) server.getTomcat().getConnector().getProperty("address");
    }

    private static int status(ConfigurableApplicationContext context, String path, String token)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
