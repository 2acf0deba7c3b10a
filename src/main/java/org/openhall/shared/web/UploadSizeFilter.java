package org.openhall.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} before anything
 * reads the request: otherwise the servlet container fails while the CSRF check reads the form and
 * the person sees a bare container error. Pages get a short Chinese (or English) page, the API problem
 * details; both with status 413 and nothing changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ApiProblems problems;
    private final JsonMapper json;

    UploadSizeFilter(MultipartProperties multipart, MessageSource messages, LocaleResolver locales, ApiProblems problems,
            JsonMapper json) {
        this.maxBytes = multipart.getMaxRequestSize().toBytes();
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || maxBytes < 0
                || request.getContentLengthLong() <= maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    problems.problem(HttpStatus.CONTENT_TOO_LARGE, "validation", "problem.upload.tooLarge"));
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.413", null, locale));
        String back = HtmlUtils.htmlEscape(messages.getMessage("common.back", null, locale));
        String css = request.getContextPath() + "/css/openhall.css";
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write("""
                <!DOCTYPE html><html lang="%s"><head><meta charset="UTF-8"><title>%s</title>
                <link rel="stylesheet" href="%s"></head>
                <body><main class="page narrow"><h1>%s</h1><p class="muted">413</p>
                <p><a href="javascript:history.back()">%s</a></p></main></body></html>
                """.formatted(locale.getLanguage().equals("en") ? "en" : "zh-CN", title, css, title, back));
    }
}
