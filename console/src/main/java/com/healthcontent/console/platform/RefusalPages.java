package com.healthcontent.console.platform;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A page the API refused to fill (not found, not allowed, down) says why, with the API's own words. */
@ControllerAdvice
class RefusalPages {

    @ExceptionHandler(ApiRefusal.class)
    ModelAndView refused(ApiRefusal refusal, Model model) {
        ModelAndView page = new ModelAndView("error", model.asMap());
        page.addObject("status", refusal.status());
        page.addObject("message", refusal.getMessage());
        page.setStatus(HttpStatus.valueOf(refusal.status() >= 500 ? 502 : refusal.status()));
        return page;
    }
}
