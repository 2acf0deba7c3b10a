package org.openhall.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpSession session, Model model) {
        // "/login?error" carries an empty value, so look for the parameter itself
        if (request.getParameterMap().containsKey("error")) {
            Object ex = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("errorKey", ex instanceof LockedException ? "login.locked" : "login.failed");
        }
        return "security/login";
    }
}
