package org.openhall.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: the role-aware navigation and shortcuts. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
