package org.openhall.queue.internal;

import java.util.List;
import java.util.Optional;
import org.openhall.queue.QueueApi;
import org.openhall.queue.WindowNoticeSign;
import org.springframework.stereotype.Service;

/** {@link QueueApi} for the other modules: tickets without personal data and the windows' states. */
@Service
class QueueApiService implements QueueApi {

    private final QueueDesk desk;
    private final WindowNotices notices;

    QueueApiService(QueueDesk desk, WindowNotices notices) {
        this.desk = desk;
        this.notices = notices;
    }

    @Override
    public void showNotice(long windowId, WindowNoticeSign sign, String actor) {
        notices.show(windowId, sign, actor);
    }

    @Override
    public void clearNotice(long windowId, String actor) {
        notices.clear(windowId, actor);
    }

    @Override
    public Optional<WindowNoticeSign> notice(long windowId) {
        return notices.shown(windowId);
    }

    @Override
    public Optional<TicketSummary> ticket(long ticketId) {
        return desk.ticket(ticketId).map(t -> new TicketSummary(t.id(), t.centreId(), t.number(), t.serviceId(),
                t.serviceCode(), t.status(), t.queuedAt(), t.calledAt(), t.finishedAt(), t.windowId(), t.staffId()));
    }

    @Override
    public List<WindowStateSummary> windowStates(long centreId) {
        return desk.windows(centreId).stream()
                .map(w -> new WindowStateSummary(w.windowId(), w.number(), w.status(), w.staffId(), w.since())).toList();
    }
}
