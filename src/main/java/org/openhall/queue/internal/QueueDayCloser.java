package org.openhall.queue.internal;

import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the queue days of every centre (Q-1: numbers reset daily; waiting tickets of an earlier day are cancelled,
 * skipped ones past their return time become NO_SHOW). The first ticket of a service on a new day does the same
 * ({@link QueueDeskService}), so the hall never depends on this schedule; it tidies the records of days on which nobody
 * took a ticket afterwards. Every node may run it: {@link QueueDesk#closeDay} closes each ticket by a conditional update,
 * so two nodes running it at once close every ticket once (no scheduler lock needed). Hourly, because centres may lie in
 * different zones. {@code openhall.queue.close-day.enabled=false} turns it off (tests move their own clock).
 */
@Component
@ConditionalOnProperty(name = "openhall.queue.close-day.enabled", havingValue = "true", matchIfMissing = true)
class QueueDayCloser {

    private static final Logger log = LoggerFactory.getLogger(QueueDayCloser.class);

    private final QueueDesk desk;
    private final OrganizationApi org;

    QueueDayCloser(QueueDesk desk, OrganizationApi org) {
        this.desk = desk;
        this.org = org;
    }

    @Scheduled(cron = "${openhall.queue.close-day.cron:0 7 * * * *}")
    void closeDays() {
        for (CentreInfo centre : org.centres()) {
            try {
                desk.closeDay(centre.id(), "system");
            } catch (RuntimeException e) {
                log.warn("Closing the queue day of centre {} failed: {}", centre.code(), e.toString());
            }
        }
    }
}
