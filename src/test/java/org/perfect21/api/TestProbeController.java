package org.perfect21.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.Filter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only in tests, to exercise security and error handling around a controller. */
@TestComponent
@RestController
class TestProbeController {

    static final String SECRET = "secret-internal-detail-42";

    record Probe(String name, int count) {
    }

    @GetMapping("/api/test-probe")
    Map<String, String> read() {
        return Map.of("probe", "read");
    }

    @PostMapping(path = "/api/test-probe", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> change(@RequestBody Probe probe) {
        return Map.of("name", probe.name() == null ? "" : probe.name(), "count", probe.count());
    }

    @GetMapping("/api/admin/test-probe")
    Map<String, String> admin() {
        return Map.of("probe", "admin");
    }

    @GetMapping("/api/test-probe/failure")
    Map<String, String> failure() {
        throw new IllegalStateException(SECRET);
    }

    @GetMapping("/api/test-probe/typed")
    Map<String, Integer> typed(@RequestParam int count) {
        return Map.of("count", count);
    }

    @GetMapping("/api/test-probe/denied")
    Map<String, String> denied() {
        throw new AccessDeniedException(SECRET);
    }

    @ResponseStatus(code = HttpStatus.CONFLICT, reason = "The probe is busy.")
    static class BusyException extends RuntimeException {
        BusyException() {
            super(SECRET);
        }
    }

    @GetMapping("/api/test-probe/busy")
    Map<String, String> busy() {
        throw new BusyException();
    }

    /** A filter that fails outside Spring MVC: the container's error page has to answer. */
    @Bean
    FilterRegistrationBean<Filter> failingTestFilter() {
        Filter failing = (request, response, chain) -> {
            throw new IOException(SECRET);
        };
        var registration = new FilterRegistrationBean<>(failing);
        registration.addUrlPatterns("/api/test-filter-failure");
        return registration;
    }
}
