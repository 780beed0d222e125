package org.perfect21.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: bearer token, JSON bodies, answers parsed when JSON. */
final class ApiClient {

    static final String ADMIN = "admin-token-for-tests-0123456789";
    static final String OPERATOR = "operator-token-for-tests-0123456789";
    static final String VIEWER = "viewer-token-for-tests-0123456789";
    static final String TOKENS = "admin:" + ADMIN + ",operator:" + OPERATOR + ",viewer:" + VIEWER;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An answer: status, headers and body (parsed as JSON when it is JSON). */
    record Answer(int status, HttpResponse<String> response) {
        Answer withStatus() {
            return new Answer(response.statusCode(), response);
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Answer post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    Answer post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(path, token);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            return new Answer(0, http.send(request, HttpResponse.BodyHandlers.ofString())).withStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
