package be.spil.web;

import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's errors as application/problem+json (RFC 9457): 400 with the fields at fault for bad input,
 * 403, 404, 409 (with who changed the record and its newer values), never a 500 for bad input.
 * Messages are in English, the API's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    record FieldMessage(String field, String message) {}

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FieldErrorsException.class)
    ResponseEntity<ProblemDetail> fieldErrors(FieldErrorsException e) {
        var errors = e.errors().stream()
            .map(f -> new FieldMessage(f.field(), messages.getMessage(f.code(), f.args(), f.code(), Locale.ENGLISH)))
            .toList();
        String title = e.status() == 409 ? "Conflict" : "Invalid input";
        return problem(HttpStatus.valueOf(e.status()), title, errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        var errors = new ArrayList<FieldMessage>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldMessage(f.getField(),
            messages.getMessage(f, Locale.ENGLISH))));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldMessage(g.getObjectName(),
            messages.getMessage(g, Locale.ENGLISH))));
        errors.sort(java.util.Comparator.comparing(FieldMessage::field));
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
            errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violations(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
            .map(v -> new FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Invalid input", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", JsonErrors.describe(e), JsonErrors.fields(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, List.of(new FieldMessage(e.getName(), detail)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        String detail = "parameter " + e.getParameterName() + " is required";
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, List.of(new FieldMessage(e.getParameterName(), detail)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "Send JSON (Content-Type: application/json; charset=UTF-8)", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No such record, or not one you may see.", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this.", List.of());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
            "This record was changed by " + e.changedBy() + " at " + e.changedAt() + "; reload it and apply your change again.");
        body.setTitle("Conflict");
        body.setProperty("changedBy", e.changedBy());
        body.setProperty("changedAt", e.changedAt());
        body.setProperty("currentVersion", e.currentVersion());
        body.setProperty("current", e.currentValues());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error in API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side; it has been logged.", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<FieldMessage> errors) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
