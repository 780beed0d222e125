package org.perfect21.api.problem;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.api.ApiSlice;
import org.perfect21.api.ApiSliceTest;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.operator;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.token;

/** Bodies over {@code perfect21.api.max-body-size} (1 MiB by default) are refused before security looks at the token. */
@ApiSliceTest
class BodySizeLimitFilterTests {

    private static final int MIB = 1024 * 1024;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunLauncher launcher;

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {ApiSlice.VIEWER, ApiSlice.OPERATOR, "not-a-token"})
    void aBodyOverTheLimitIsTooLargeWhateverTheToken(String bearer) {
        var request = mvc.post().uri("/api/workflows/quick/runs").contentType(MediaType.APPLICATION_JSON)
                .content(launchOfSize(MIB + 1));
        if (bearer != null) {
            request.with(token(bearer));
        }

        MvcTestResult launch = request.exchange();

        assertThat(launch).satisfies(problem(413, "The request body is larger than the limit of 1048576 bytes."))
                .hasHeader("Connection", "close").hasHeader("Cache-Control", "no-store");
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.QUEUED, false));
        String body = launchOfSize(MIB);

        MvcTestResult launch = mvc.post().uri("/api/workflows/quick/runs").with(operator())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        assertThat(launch).hasStatus(202);
        then(launcher).should().launch("quick", Map.of("text", body.substring(19, body.length() - 3)), null, "api");
    }

    /** A launch body of exactly {@code size} bytes: {@code {"params":{"text":"aaa..."}}}. */
    private static String launchOfSize(int size) {
        String start = "{\"params\":{\"text\":\"";
        String end = "\"}}";
        char[] filler = new char[size - start.length() - end.length()];
        Arrays.fill(filler, 'a');
        return start + new String(filler) + end;
    }
}
