package org.openhall.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Resolves a message in both languages the system speaks: Chinese (default) and English. */
@Component
public class Bilingual {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    public record Text(String zh, String en) {
    }

    private final MessageSource messages;

    public Bilingual(MessageSource messages) {
        this.messages = messages;
    }

    public Text text(String code, Object... args) {
        return new Text(resolve(new DefaultMessageSourceResolvable(new String[] {code}, args, code), ZH),
                resolve(new DefaultMessageSourceResolvable(new String[] {code}, args, code), EN));
    }

    public Text text(MessageSourceResolvable resolvable) {
        return new Text(resolve(resolvable, ZH), resolve(resolvable, EN));
    }

    private String resolve(MessageSourceResolvable r, Locale locale) {
        try {
            return messages.getMessage(r, locale);
        } catch (NoSuchMessageException e) {
            return r.getDefaultMessage() != null ? r.getDefaultMessage() : String.valueOf(r.getCodes()[0]);
        }
    }
}
