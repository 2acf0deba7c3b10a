package org.openhall.attendance.internal;

import org.openhall.queue.WindowPresenceChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The queue console's sign-in, pause, resume and sign-out as attendance sees them (ATT-1, ATT-3): after the
 * queue's commit, in a transaction of its own; a failure stays in the event publication registry and is retried.
 */
@Component
class PresenceListener {

    private final Attendance attendance;

    PresenceListener(Attendance attendance) {
        this.attendance = attendance;
    }

    @ApplicationModuleListener
    void on(WindowPresenceChanged e) {
        attendance.presence(e);
    }
}
