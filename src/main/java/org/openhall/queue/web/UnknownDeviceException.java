package org.openhall.queue.web;

/** The token in a device page's path is unknown, revoked or belongs to another kind of device: 404. */
class UnknownDeviceException extends RuntimeException {

    UnknownDeviceException() {
        super("unknown device");
    }
}
