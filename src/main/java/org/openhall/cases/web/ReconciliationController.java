package org.openhall.cases.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.FeeAccess;
import org.openhall.cases.internal.Payment;
import org.openhall.cases.internal.PaymentMethod;
import org.openhall.cases.internal.Payments;
import org.openhall.cases.internal.ReconciliationSheets;
import org.openhall.cases.internal.Reconciliations;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CASE-8 daily reconciliation (窗口、结算室数据一致): per window and method the window's takings beside the settlement
 * office's figure, differences in red, totals, status; the settlement office enters its figures (or imports an .xlsx)
 * and decides the void requests; the day is exported to .xlsx.
 */
@Controller
@RequestMapping("/cases/fees/reconciliation")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER')")
class ReconciliationController implements ErrorPageOnRefusal {

    private final Reconciliations reconciliations;
    private final ReconciliationSheets sheets;
    private final Payments payments;
    private final FeeAccess access;
    private final PageMessages messages;

    ReconciliationController(Reconciliations reconciliations, ReconciliationSheets sheets, Payments payments,
            FeeAccess access, PageMessages messages) {
        this.reconciliations = reconciliations;
        this.sheets = sheets;
        this.payments = payments;
        this.access = access;
        this.messages = messages;
    }

    @ModelAttribute("methods")
    PaymentMethod[] methods() {
        return PaymentMethod.values();
    }

    @GetMapping
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable Long centre, Model model) {
        long centreId = access.centreFor(centre);
        LocalDate day = date != null ? date : reconciliations.today(centreId);
        Reconciliations.Day d = reconciliations.day(centreId, day);
        model.addAttribute("day", d);
        model.addAttribute("centreId", centreId);
        model.addAttribute("centreChoices", access.centreChoices());
        model.addAttribute("today", reconciliations.today(centreId));
        model.addAttribute("windows", reconciliations.windows(centreId));
        boolean canSettle = access.canSettle(centreId);
        model.addAttribute("canSettle", canSettle);
        List<Payment> pending = canSettle ? payments.pendingVoids(centreId) : List.of();
        model.addAttribute("pendingVoids", pending);
        model.addAttribute("back", "/cases/fees/reconciliation?date=" + day + (centre == null ? "" : "&centre=" + centre));
        return "cases/reconciliation";
    }

    private static String redirect(LocalDate date, @Nullable Long centre) {
        return "redirect:/cases/fees/reconciliation?date=" + date + (centre == null ? "" : "&centre=" + centre);
    }

    @PostMapping("/settlements")
    String enter(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable Long windowId,
            @RequestParam(required = false) @Nullable PaymentMethod method,
            @RequestParam(required = false) @Nullable String amount, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(centre);
        try {
            BigDecimal value = parse(amount);
            reconciliations.enter(centreId, date, new Reconciliations.Entry(windowId, method, value, note));
            redirect.addFlashAttribute("flash", messages.text("cases.fees.settlement.saved"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        } catch (DuplicateKeyException e) {
            redirect.addFlashAttribute("flashError", messages.text("cases.fees.settlement.changed"));
        }
        return redirect(date, centre);
    }

    private static @Nullable BigDecimal parse(@Nullable String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("amount", "cases.fees.settlement.amountFormat", amount);
        }
    }

    @PostMapping("/import")
    String importFigures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Nullable Long centre, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        long centreId = access.centreFor(centre);
        try (InputStream in = file.getInputStream()) {
            int n = sheets.importFigures(centreId, date, in);
            redirect.addFlashAttribute("flash", messages.text("cases.fees.import.done", n));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return redirect(date, centre);
    }

    @GetMapping(value = "/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ResponseEntity<byte[]> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Nullable Long centre) {
        long centreId = access.centreFor(centre);
        byte[] xlsx = sheets.export(centreId, date, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(messages.text("cases.fees.recon.fileName", date.toString()) + ".xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .body(xlsx);
    }
}
