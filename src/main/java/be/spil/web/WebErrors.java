package be.spil.web;

import be.spil.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages for errors the screens do not handle themselves: 400, 403, 404, 500, in the user's language. */
@ControllerAdvice(annotations = Controller.class)
class WebErrors {
    private final Layout layout;

    WebErrors(Layout layout) {
        this.layout = layout;
    }

    private String page(int status, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status);
        layout.layout(request, model);
        return "error/" + status;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(404, request, response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
        be.spil.shared.FieldErrorsException.class})
    String badRequest(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(400, request, response, model);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(403, request, response, model);
    }

    @ExceptionHandler(be.spil.shared.StaleVersionException.class)
    String stale(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(409, request, response, model);
    }
}
