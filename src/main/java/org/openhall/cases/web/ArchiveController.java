package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ArchivePackages;
import org.openhall.cases.internal.ArchiveTexts;
import org.openhall.cases.internal.ArchiveOutcome;
import org.openhall.cases.internal.Archives;
import org.openhall.cases.internal.FeeAccess;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CASE-9 the archive: search (全部 / 到期待鉴定), the read-only view of an archived case with its full history, its
 * documents, and the archive package as a .zip. CENTRE_OFFICE, LEADER and ADMIN see the centre's archive, a DEPT_HEAD
 * that of their department.
 */
@Controller
@RequestMapping("/cases/archive")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD')")
class ArchiveController implements ErrorPageOnRefusal {

    private final Archives archives;
    private final ArchivePackages packages;
    private final ArchiveTexts texts;
    private final FeeAccess access;

    ArchiveController(Archives archives, ArchivePackages packages, ArchiveTexts texts, FeeAccess access) {
        this.archives = archives;
        this.packages = packages;
        this.texts = texts;
        this.access = access;
    }

    /** A history line put into words for the page. */
    public record HistoryLine(String at, String what, @Nullable String actor, @Nullable String note) {
    }

    /** A step put into words for the page. */
    public record StepLine(String kind, @Nullable String department, String actor, String at, @Nullable String due,
            @Nullable String done, @Nullable String doneBy, String outcome, @Nullable String note) {
    }

    @GetMapping
    String search(@RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String number, @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String applicant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable ArchiveOutcome outcome,
            @RequestParam(defaultValue = "all") String tab, @RequestParam(defaultValue = "1") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        long centreId = access.centreFor(centre);
        boolean expired = "expired".equals(tab);
        Archives.Page result = archives.search(new Archives.Filter(centreId, q, number, item, department, applicant, from,
                to, outcome, expired, page, Archives.PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("tab", expired ? "expired" : "all");
        model.addAttribute("centreId", centreId);
        model.addAttribute("centreParam", centre);
        model.addAttribute("centreChoices", access.centreChoices());
        model.addAttribute("departments", archives.departments(centreId));
        model.addAttribute("outcomes", ArchiveOutcome.values());
        model.addAttribute("retentionYears", archives.properties().retentionYears());
        model.addAttribute("f", new Archives.Filter(centreId, q, number, item, department, applicant, from, to, outcome,
                expired, result.page(), result.size()));
        return htmx != null ? "cases/archive :: results" : "cases/archive";
    }

    @GetMapping("/{number}")
    String view(@PathVariable String number, Model model) {
        Archives.ArchivedCase c = archives.get(number);
        Locale locale = LocaleContextHolder.getLocale();
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<HistoryLine> history = c.history().stream()
                .map(e -> new HistoryLine(time.format(e.at().atZone(c.zone())), texts.describe(e, locale), e.actor(),
                        e.note()))
                .toList();
        List<StepLine> steps = c.steps().stream().map(s -> new StepLine(
                texts.label(Archives.stepLabel(s.kind()), locale), s.departmentName(), s.actor(),
                time.format(s.createdAt().atZone(c.zone())), s.dueDate() == null ? null : s.dueDate().toString(),
                s.doneAt() == null ? null : time.format(s.doneAt().atZone(c.zone())), s.doneBy(),
                texts.stepOutcome(s.kind(), s.outcome(), locale), s.note())).toList();
        model.addAttribute("c", c);
        model.addAttribute("steps", steps);
        model.addAttribute("history", history);
        model.addAttribute("time", time);
        return "cases/archive-case";
    }

    @GetMapping("/{number}.zip")
    void zip(@PathVariable String number, HttpServletResponse response) throws IOException {
        Archives.ArchivedCase c = packages.open(number);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(number + ".zip", StandardCharsets.UTF_8).build().toString());
        packages.write(c, response.getOutputStream());
    }

    @GetMapping("/{number}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id) {
        Archives.DocumentContent d = archives.document(number, id);
        MediaType type;
        try {
            type = MediaType.parseMediaType(d.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }
}
