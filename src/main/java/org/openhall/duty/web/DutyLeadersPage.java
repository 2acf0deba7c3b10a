package org.openhall.duty.web;

import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Marks the page controllers of leaders on duty and incidents, whose refusals (403, 404) show the error page, and
 * gives them the texts of their messages in the request's language.
 */
interface DutyLeadersPage extends ErrorPageOnRefusal {

    MessageSource messages();

    default String text(String key, Object... args) {
        return messages().getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The reason of a refusal, for an inline message. */
    default String error(DomainException e) {
        return text(e.messageKey(), e.args());
    }
}
