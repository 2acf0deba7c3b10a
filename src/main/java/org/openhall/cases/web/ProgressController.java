package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ProgressQuery;
import org.openhall.cases.internal.ProgressRateLimiter;
import org.openhall.cases.internal.ProgressView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 查询办理进程 (CASE-6): the applicant's progress page, without login, for the web and the hall's kiosks. The QR
 * code on every notice opens {@code /progress?number=N} with the number filled in; the applicant adds the mobile
 * (or the ID number / credit code) given at intake. The look-up is a POST, so the mobile never appears in a URL, a
 * log or the kiosk's history. A wrong mobile and an unknown number get the same page and status (404); too many
 * look-ups from one address or for one number get 429 with Retry-After. The page shows no personal data (SEC-2).
 */
@Controller
class ProgressController {

    private final ProgressQuery query;
    private final ProgressRateLimiter limiter;

    ProgressController(ProgressQuery query, ProgressRateLimiter limiter) {
        this.query = query;
        this.limiter = limiter;
    }

    @GetMapping("/progress")
    String form(@RequestParam(required = false) @Nullable String number, Model model) {
        ProgressForm form = new ProgressForm();
        form.setNumber(number == null ? null : number.strip());
        model.addAttribute("progressForm", form);
        return "cases/progress";
    }

    @PostMapping("/progress")
    String lookup(@ModelAttribute ProgressForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        String number = form.getNumber();
        if (number == null || number.isBlank() || number.strip().length() > 48) {
            result.rejectValue("number", "cases.public.progress.number.required");
        }
        if (isBlank(form.getMobile()) && isBlank(form.getIdNumber())) {
            result.rejectValue("mobile", "cases.public.progress.verifier.required");
        }
        // the verifier is never sent back to the browser
        String mobile = form.getMobile();
        String idNumber = form.getIdNumber();
        form.setMobile(null);
        form.setIdNumber(null);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "cases/progress";
        }
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr(), number);
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
            model.addAttribute("retryAfter", wait.get().toSeconds());
            return "cases/progress";
        }
        Optional<ProgressView> found = query.find(new ProgressQuery.Lookup(number, mobile, idNumber), locale);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notFound", true);
            return "cases/progress";
        }
        model.addAttribute("progress", found.get());
        return "cases/progress";
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
