package org.openhall.security.web;

import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API caller is: lets other systems check their credentials and scope. */
@RestController
class MeController {

    private final CurrentUsers users;

    MeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    CurrentUser me() {
        return users.require();
    }
}
