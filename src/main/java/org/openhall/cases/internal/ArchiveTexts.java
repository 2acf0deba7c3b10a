package org.openhall.cases.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts the history of an archived case into words, in the language asked for (CASE-9). */
@Component
public class ArchiveTexts {

    private final MessageSource messages;

    ArchiveTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** What happened, e.g. 出具文书：受理回执. */
    public String describe(Archives.Event event, Locale locale) {
        return text(locale, event.what(), resolve(event.args().toArray(), locale));
    }

    private Object[] resolve(Object[] args, Locale locale) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] instanceof Archives.Label l ? label(l, locale) : args[i];
        }
        return out;
    }

    /** A label put into words, with its own arguments. */
    public String label(Archives.Label label, Locale locale) {
        return text(locale, label.key(), resolve(label.args(), locale));
    }

    /** A step's outcome put into words for its kind, empty when it has none. */
    public String stepOutcome(String kind, @org.jspecify.annotations.Nullable String outcome, Locale locale) {
        Object o = Archives.outcomeLabel(kind, outcome);
        return o == null ? "" : o instanceof Archives.Label l ? label(l, locale) : o.toString();
    }
}
