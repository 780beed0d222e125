package org.perfect21.api;

/** A request the API cannot take as given (body shape, header, query parameter); answered 400. */
class ApiRequestException extends RuntimeException {

    ApiRequestException(String message) {
        super(message);
    }
}
