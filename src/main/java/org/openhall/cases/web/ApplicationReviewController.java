package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ApplicationService;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseView;
import org.openhall.cases.CaseStatus;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.catalog.MaterialInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 网上申请预审 (CASE-10): the window clerk, the head of the item's department or the centre office see the submitted
 * applications oldest first with the working days since submission (highlighted as the five working days of
 * 行政许可法 第三十二条 run out), open one to see the uploads beside the item's checklist, and tick each material like a
 * window intake (RECEIVED / MISSING / WRONG with a note / DEFERRED under a signed commitment), or refuse it with a
 * reason and where to go instead. The decision opens the case under the number the applicant already has; the outcome
 * page links to the notice PDFs.
 */
@Controller
@RequestMapping("/cases/online")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','DEPT_HEAD','WINDOW_STAFF')")
class ApplicationReviewController implements ErrorPageOnRefusal {

    private final ApplicationService applications;
    private final OrganizationApi organization;
    private final MessageSource messages;

    ApplicationReviewController(ApplicationService applications, OrganizationApi organization, MessageSource messages) {
        this.applications = applications;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("pending", applications.pending());
        model.addAttribute("limitDays", applications.reviewLimitDays());
        return "cases/online-list";
    }

    @GetMapping("/{number}")
    String review(@PathVariable String number, Model model) {
        ApplicationService.Application a = applications.forReview(number);
        if (!a.status().equals("SUBMITTED")) {
            return "redirect:/cases/online/" + a.number() + "/outcome";
        }
        return reviewView(a, Map.of(), Map.of(), null, null, List.of(), model);
    }

    /** The checklist as ticked: {@code state_<code>} and {@code note_<code>} for each material of the item. */
    @PostMapping("/{number}")
    String intake(@PathVariable String number, @RequestParam(required = false) @Nullable String supplyBy,
            @RequestParam(defaultValue = "false") boolean commitmentSigned, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        ApplicationService.Application a = applications.find(number);
        ItemVersion item = applications.itemOf(a);
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<CaseCommands.MaterialCheck> checks = new ArrayList<>();
        boolean deferred = false;
        for (MaterialInfo m : item.materials()) {
            String state = request.getParameter("state_" + m.code());
            String note = request.getParameter("note_" + m.code());
            note = note == null || note.isBlank() ? null : note.strip();
            states.put(m.code(), state == null ? "" : state);
            notes.put(m.code(), note == null ? "" : note);
            CaseCommands.MaterialState s;
            try {
                s = state == null || state.isBlank() ? null : CaseCommands.MaterialState.valueOf(state);
            } catch (IllegalArgumentException e) {
                s = null;
            }
            if (s == null) {
                errors.add(text("cases.public.review.stateRequired", locale, m.name()));
                continue;
            }
            if (s == CaseCommands.MaterialState.WRONG && note == null) {
                errors.add(text("cases.public.review.noteRequired", locale, m.name()));
            }
            deferred |= s == CaseCommands.MaterialState.DEFERRED;
            checks.add(new CaseCommands.MaterialCheck(m.code(), s, note));
        }
        LocalDate supply = null;
        if (deferred) {
            try {
                supply = supplyBy == null || supplyBy.isBlank() ? null : LocalDate.parse(supplyBy.strip());
            } catch (DateTimeParseException e) {
                supply = null;
            }
            if (supply == null) {
                errors.add(text("cases.public.review.supplyByRequired", locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                CaseCommands.Deferral deferral = deferred ? new CaseCommands.Deferral(commitmentSigned, supply) : null;
                applications.review(a.number(), new ApplicationService.Review(checks, deferral, null));
                return "redirect:/cases/online/" + a.number() + "/outcome";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                errors.add(text(e.messageKey(), locale, e.args()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return reviewView(applications.find(number), states, notes, supplyBy, null, errors, model);
    }

    /** 不予受理 with the reason and where to go instead (退件). */
    @PostMapping("/{number}/reject")
    String reject(@PathVariable String number, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String redirectTo, HttpServletResponse response, Locale locale,
            Model model) {
        ApplicationService.Application a = applications.find(number);
        List<String> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(text("cases.public.review.reasonRequired", locale));
        } else {
            try {
                applications.review(a.number(), new ApplicationService.Review(List.of(), null,
                        new CaseCommands.Rejection(reason.strip(), redirectTo == null || redirectTo.isBlank() ? null
                                : redirectTo.strip())));
                return "redirect:/cases/online/" + a.number() + "/outcome";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                errors.add(text(e.messageKey(), locale, e.args()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Map<String, String> rejection = new LinkedHashMap<>();
        rejection.put("reason", reason == null ? "" : reason);
        rejection.put("redirectTo", redirectTo == null ? "" : redirectTo);
        return reviewView(applications.find(number), Map.of(), Map.of(), null, rejection, errors, model);
    }

    @GetMapping("/{number}/uploads/{id}")
    ResponseEntity<byte[]> upload(@PathVariable String number, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean download) {
        ApplicationService.UploadContent c = applications.upload(number, id);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(c.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(c.content());
    }

    @GetMapping("/{number}/outcome")
    String outcome(@PathVariable String number, Model model) {
        ApplicationService.Application a = applications.find(number);
        if (a.status().equals("SUBMITTED")) {
            return "redirect:/cases/online/" + a.number();
        }
        CaseView c = applications.caseOf(a.number());
        model.addAttribute("app", a);
        model.addAttribute("c", c);
        // what the one-time notice lists: required materials missing or not acceptable (optional ones never count)
        model.addAttribute("missing", c.status() != CaseStatus.CORRECTION_REQUIRED ? List.of() : c.materials().stream()
                .filter(m -> m.requirement() != MaterialRequirement.OPTIONAL)
                .filter(m -> m.state() == CaseCommands.MaterialState.MISSING || m.state() == CaseCommands.MaterialState.WRONG)
                .toList());
        return "cases/online-outcome";
    }

    private String reviewView(ApplicationService.Application a, Map<String, String> states, Map<String, String> notes,
            @Nullable String supplyBy, @Nullable Map<String, String> rejection, List<String> errors, Model model) {
        ItemVersion item = applications.itemOf(a);
        List<ApplicationService.Upload> uploads = applications.uploads(a);
        Map<String, List<ApplicationService.Upload>> byMaterial = uploads.stream()
                .collect(Collectors.groupingBy(ApplicationService.Upload::materialCode, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("a", a);
        model.addAttribute("item", item);
        model.addAttribute("uploads", byMaterial);
        model.addAttribute("states", CaseCommands.MaterialState.values());
        model.addAttribute("chosen", states);
        model.addAttribute("notes", notes);
        model.addAttribute("supplyBy", supplyBy);
        model.addAttribute("rejection", rejection == null ? Map.of("reason", "", "redirectTo", "") : rejection);
        model.addAttribute("errors", errors);
        model.addAttribute("department", organization.department(a.departmentId()).map(d -> d.name()).orElse(""));
        model.addAttribute("centre", organization.centre(a.centreId()).orElseThrow());
        return "cases/online-review";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
