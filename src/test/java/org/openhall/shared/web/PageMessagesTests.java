package org.openhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhall.shared.DomainException;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** A refusal's text in the page's language: with the key as fallback, or strictly (a missing key fails). */
class PageMessagesTests {

    private final StaticMessageSource source = new StaticMessageSource();
    private final PageMessages pages = new PageMessages(source);

    PageMessagesTests() {
        source.addMessage("t.full", Locale.SIMPLIFIED_CHINESE, "{0} 已满");
        source.addMessage("t.full", Locale.ENGLISH, "{0} is full");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void textFallsBackToTheKey() {
        assertThat(pages.text(DomainException.conflict("t.full", "A1"))).isEqualTo("A1 is full");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(pages.text(DomainException.conflict("t.full", "A1"))).isEqualTo("A1 已满");
        assertThat(pages.text(DomainException.conflict("t.missing"))).isEqualTo("t.missing");
    }

    @Test
    void requiredTextFailsForAMissingKey() {
        assertThat(pages.requiredText(DomainException.conflict("t.full", "A1"))).isEqualTo("A1 is full");
        assertThatThrownBy(() -> pages.requiredText(DomainException.conflict("t.missing")))
                .isInstanceOf(NoSuchMessageException.class);
    }
}
