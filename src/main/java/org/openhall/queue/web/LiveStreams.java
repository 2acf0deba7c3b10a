package org.openhall.queue.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.DevicePrincipal;
import org.openhall.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who may open a centre's live stream, and where a stream resumes. */
@Component
class LiveStreams {

    private final OrganizationApi organization;
    private final CurrentUsers users;

    LiveStreams(OrganizationApi organization, CurrentUsers users) {
        this.organization = organization;
        this.users = users;
    }

    /**
     * The centre by code for the caller: a device of that centre (Bearer token) or staff who may see the centre; 404 for
     * an unknown centre, 403 otherwise.
     */
    CentreInfo centreFor(String code, @Nullable Authentication auth) {
        CentreInfo centre = organization.centreByCode(code)
                .orElseThrow(() -> DomainException.notFound("queue.live.error.centre", code));
        if (auth != null && auth.getPrincipal() instanceof DevicePrincipal device) {
            if (device.centreId() != centre.id()) {
                throw DomainException.forbidden("queue.live.error.forbidden");
            }
            return centre;
        }
        CurrentUser user = users.current().orElseThrow(() -> DomainException.forbidden("queue.live.error.forbidden"));
        if (!user.canSeeCentre(centre.id())) {
            throw DomainException.forbidden("queue.live.error.forbidden");
        }
        return centre;
    }

    /**
     * Where the stream resumes: the {@code Last-Event-ID} header the browser sends on a reconnect, else the
     * {@code lastEventId} parameter of the first connect (the id the page was drawn at), else from now on.
     */
    static @Nullable Long resumeAfter(@Nullable String header, @Nullable String param) {
        Long id = parse(header);
        return id != null ? id : parse(param);
    }

    private static @Nullable Long parse(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(s.trim());
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("lastEventId", "queue.live.error.last-event-id");
        }
    }
}
