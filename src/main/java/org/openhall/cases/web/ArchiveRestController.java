package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ArchivePackages;
import org.openhall.cases.internal.ArchiveTexts;
import org.openhall.cases.internal.ArchiveOutcome;
import org.openhall.cases.internal.Archives;
import org.openhall.cases.internal.FeeAccess;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CASE-9 over REST: search the archive ({@code q} matches a number, an item or an applicant's full name; applicants
 * are shown masked), read an archived case with its history, download its package. Same data scope as the pages.
 */
@RestController
@RequestMapping("/api/v1/cases/archive")
class ArchiveRestController {

    private final Archives archives;
    private final ArchivePackages packages;
    private final ArchiveTexts texts;
    private final FeeAccess access;

    ArchiveRestController(Archives archives, ArchivePackages packages, ArchiveTexts texts, FeeAccess access) {
        this.archives = archives;
        this.packages = packages;
        this.texts = texts;
        this.access = access;
    }

    record PageJson(List<Archives.Entry> entries, int page, int size, long total, int pages) {
    }

    @GetMapping
    PageJson search(@RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String number, @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String applicant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable ArchiveOutcome outcome,
            @RequestParam(defaultValue = "false") boolean expired, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        long centreId = access.centreFor(centre);
        Archives.Page p = archives.search(new Archives.Filter(centreId, q, number, item, department, applicant, from, to,
                outcome, expired, page, size));
        return new PageJson(p.entries(), p.page(), p.size(), p.total(), p.pages());
    }

    record EventJson(Instant at, String what, String whatEn, @Nullable String actor, @Nullable String note) {
    }

    record CaseJson(String number, String itemCode, String itemName, String departmentName, String applicant,
            ArchiveOutcome outcome, @Nullable String resultReason, Instant receivedAt, @Nullable Instant completedAt,
            Instant archivedAt, int retainUntil, boolean expired, List<Archives.Notice> notices,
            List<Archives.Document> documents, List<String> receipts, List<EventJson> history) {
    }

    @GetMapping("/{number}")
    CaseJson get(@PathVariable String number) {
        Archives.ArchivedCase c = archives.get(number);
        return new CaseJson(c.number(), c.itemCode(), c.itemName(), c.departmentName(), c.applicantMasked(), c.outcome(),
                c.resultReason(), c.receivedAt(), c.completedAt(), c.archivedAt(), c.retainUntil(), c.expired(),
                c.notices(), c.documents(), c.payments().stream().map(p -> p.receiptNumber()).toList(),
                c.history().stream().map(e -> new EventJson(e.at(), texts.describe(e, Locale.SIMPLIFIED_CHINESE),
                        texts.describe(e, Locale.ENGLISH), e.actor(), e.note())).toList());
    }

    @GetMapping("/{number}.zip")
    void zip(@PathVariable String number, HttpServletResponse response) throws IOException {
        Archives.ArchivedCase c = packages.open(number);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(number + ".zip", StandardCharsets.UTF_8).build().toString());
        packages.write(c, response.getOutputStream());
    }
}
