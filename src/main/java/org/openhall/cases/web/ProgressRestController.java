package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ProgressQuery;
import org.openhall.cases.internal.ProgressRateLimiter;
import org.openhall.cases.internal.ProgressView;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ApiProblems;
import org.openhall.shared.web.Bilingual;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The progress query over REST, without login (CASE-6), for kiosks and mobile apps:
 * {@code GET /api/v1/public/cases/{number}?mobile=…} (or {@code &idNumber=…}) gives the same content as the page.
 * An unknown number and a wrong mobile both give the same 404 problem, byte for byte; too many look-ups give a 429
 * problem with Retry-After. Never personal data (SEC-2).
 */
@RestController
class ProgressRestController {

    /** The same {@code instance} for every refusal, so that the number asked for is not echoed. */
    private static final URI INSTANCE = URI.create("/api/v1/public/cases");

    private final ProgressQuery query;
    private final ProgressRateLimiter limiter;
    private final ApiProblems problems;
    private final Bilingual bilingual;

    ProgressRestController(ProgressQuery query, ProgressRateLimiter limiter, ApiProblems problems, Bilingual bilingual) {
        this.query = query;
        this.limiter = limiter;
        this.problems = problems;
        this.bilingual = bilingual;
    }

    @GetMapping(value = "/api/v1/public/cases/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> progress(@PathVariable String number, @RequestParam(required = false) @Nullable String mobile,
            @RequestParam(required = false) @Nullable String idNumber, HttpServletRequest request, Locale locale) {
        if (number.isBlank() || number.strip().length() > 48) {
            throw DomainException.invalid("number", "cases.public.progress.number.required");
        }
        if ((mobile == null || mobile.isBlank()) && (idNumber == null || idNumber.isBlank())) {
            throw DomainException.invalid("mobile", "cases.public.progress.verifier.required");
        }
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr(), number);
        if (wait.isPresent()) {
            Bilingual.Text text = bilingual.text("cases.public.progress.tooMany", wait.get().toSeconds());
            Bilingual.Text title = bilingual.text("cases.public.problem.tooMany");
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, text.zh());
            p.setType(URI.create("urn:openhall:problem:too-many-requests"));
            p.setTitle(title.zh() + " / " + title.en());
            p.setProperty("detail_en", text.en());
            p.setInstance(INSTANCE);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        Optional<ProgressView> found = query.find(new ProgressQuery.Lookup(number, mobile, idNumber), locale);
        if (found.isEmpty()) {
            ProblemDetail p = problems.problem(HttpStatus.NOT_FOUND, "not-found", "cases.public.progress.notFound");
            p.setInstance(INSTANCE);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(found.get());
    }
}
