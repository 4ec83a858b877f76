package be.spil.web;

import be.spil.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages for errors the screens do not handle themselves: 400, 403, 404, 409, in the user's language and with the
 * usual header (menu, language switch), which exception handlers do not get by themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrors {
    private final Layout layout;

    WebErrors(Layout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return page(request, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
        be.spil.shared.FieldErrorsException.class})
    ModelAndView badRequest(HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request) {
        return page(request, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(be.spil.shared.StaleVersionException.class)
    ModelAndView stale(HttpServletRequest request) {
        return page(request, HttpStatus.CONFLICT);
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status) {
        var model = new ExtendedModelMap();
        layout.layout(request, model);
        return new ModelAndView("error/" + status.value(), model, status);
    }
}
