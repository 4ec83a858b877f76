package be.spil.web;

import be.spil.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages for errors the screens do not handle themselves: 400, 403, 404, 500, in the user's language. */
@ControllerAdvice(annotations = Controller.class)
class WebErrors {
    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
        be.spil.shared.FieldErrorsException.class})
    String badRequest(HttpServletResponse response) {
        response.setStatus(400);
        return "error/400";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(be.spil.shared.StaleVersionException.class)
    String stale(HttpServletResponse response) {
        response.setStatus(409);
        return "error/409";
    }
}
