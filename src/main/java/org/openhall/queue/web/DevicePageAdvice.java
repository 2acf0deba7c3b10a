package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An unknown device token on a device page: a full-screen 404 page in the kiosk's style, not the staff error page. */
@ControllerAdvice(assignableTypes = DevicePage.class)
class DevicePageAdvice {

    @ExceptionHandler(UnknownDeviceException.class)
    String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "queue/device-unknown";
    }
}
