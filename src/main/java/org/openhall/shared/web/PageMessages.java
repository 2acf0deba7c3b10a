package org.openhall.shared.web;

import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The text of a refusal in the page's language (Chinese by default), for the inline messages of any page. */
@Component
public class PageMessages {

    private final MessageSource messages;

    public PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    /**
     * The text of a refusal whose message key must exist: a missing key throws
     * {@link org.springframework.context.NoSuchMessageException} instead of showing the key.
     */
    public String requiredText(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
