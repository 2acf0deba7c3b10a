package org.openhall.cases.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.FeeAccess;
import org.openhall.cases.internal.Payment;
import org.openhall.cases.internal.PaymentMethod;
import org.openhall.cases.internal.PaymentRequest;
import org.openhall.cases.internal.PaymentStatus;
import org.openhall.cases.internal.Payments;
import org.openhall.cases.internal.ReconciliationStatus;
import org.openhall.cases.internal.Reconciliations;
import org.openhall.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CASE-8 over REST (HTTP Basic, same data scope as the pages): payments of a case, their receipts and voids, the
 * settlement office's figures and the daily reconciliation. Bad input → 400 problem details naming the field (unknown
 * fee code, wrong amount, fraction of a 分); a case not accepted or archived, a fee already paid → 409; nothing is
 * written on any error. The payer's name is masked.
 */
@RestController
@RequestMapping("/api/v1/cases")
class FeeRestController {

    private final Payments payments;
    private final Reconciliations reconciliations;
    private final FeeAccess access;

    FeeRestController(Payments payments, Reconciliations reconciliations, FeeAccess access) {
        this.payments = payments;
        this.reconciliations = reconciliations;
        this.access = access;
    }

    record LineJson(int lineNo, String code, String name, @Nullable String basis, BigDecimal unitAmount, int quantity,
            BigDecimal amount) {
    }

    record PaymentJson(String receiptNumber, String caseNumber, LocalDate businessDate, long windowId,
            String windowNumber, String clerk, String payer, PaymentMethod method, BigDecimal total,
            String totalCapital, PaymentStatus status, Instant paidAt, @Nullable String voidReason,
            @Nullable String voidRequestedBy, @Nullable Instant voidRequestedAt, @Nullable String voidDecidedBy,
            @Nullable Instant voidDecidedAt, @Nullable String voidRefusal, List<LineJson> items, String receipt) {

        static PaymentJson of(Payment p) {
            return new PaymentJson(p.receiptNumber(), p.caseNumber(), p.businessDate(), p.windowId(), p.windowNumber(),
                    p.clerkName(), p.maskedPayer(), p.method(), p.total(), "人民币" + p.totalCapital(), p.status(),
                    p.paidAt(), p.voidReason(), p.voidRequestedBy(), p.voidRequestedAt(), p.voidDecidedBy(),
                    p.voidDecidedAt(), p.voidRefusal(),
                    p.lines().stream().map(l -> new LineJson(l.lineNo(), l.feeCode(), l.feeName(), l.basis(),
                            l.unitAmount(), l.quantity(), l.amount())).toList(),
                    "/api/v1/cases/" + p.caseNumber() + "/payments/" + p.receiptNumber() + ".pdf");
        }
    }

    @PostMapping("/{number}/payments")
    ResponseEntity<PaymentJson> record(@PathVariable String number, @RequestBody PaymentRequest request) {
        Payment p = payments.record(number, request);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + number + "/payments/" + p.receiptNumber()))
                .body(PaymentJson.of(p));
    }

    @GetMapping("/{number}/payments")
    List<PaymentJson> list(@PathVariable String number) {
        return payments.ofCase(number).stream().map(PaymentJson::of).toList();
    }

    @GetMapping("/{number}/payments/{receipt}")
    PaymentJson get(@PathVariable String number, @PathVariable String receipt) {
        return PaymentJson.of(payments.get(number, receipt));
    }

    @GetMapping("/{number}/payments/{receipt}.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String number, @PathVariable String receipt) {
        return PaymentController.pdf(payments.receiptPdf(number, receipt), receipt + ".pdf");
    }

    record VoidRequest(@Nullable String reason) {
    }

    @PostMapping("/{number}/payments/{receipt}/void")
    PaymentJson requestVoid(@PathVariable String number, @PathVariable String receipt,
            @RequestBody(required = false) @Nullable VoidRequest body) {
        return PaymentJson.of(payments.requestVoid(number, receipt, body == null ? null : body.reason()));
    }

    record VoidDecision(@Nullable Boolean approve, @Nullable String refusal) {
    }

    @PostMapping("/{number}/payments/{receipt}/void-decision")
    PaymentJson decideVoid(@PathVariable String number, @PathVariable String receipt,
            @RequestBody(required = false) @Nullable VoidDecision body) {
        if (body == null || body.approve() == null) {
            throw DomainException.invalid("approve", "cases.fees.void.decisionRequired");
        }
        return PaymentJson.of(payments.decideVoid(number, receipt, body.approve(), body.refusal()));
    }

    record RowJson(long windowId, String windowNumber, String windowName, PaymentMethod method, int payments,
            BigDecimal paid, BigDecimal voided, BigDecimal takings, @Nullable BigDecimal settled,
            @Nullable BigDecimal difference, ReconciliationStatus status, @Nullable String note) {
    }

    record DayJson(long centreId, LocalDate date, List<RowJson> rows, BigDecimal takings, BigDecimal settled,
            BigDecimal difference, ReconciliationStatus status) {

        static DayJson of(Reconciliations.Day d) {
            return new DayJson(d.centreId(), d.date(), d.rows().stream().map(r -> new RowJson(r.windowId(),
                    r.windowNumber(), r.windowName(), r.method(), r.payments(), r.paid(), r.voided(), r.takings(),
                    r.settled(), r.difference(), r.status(), r.note())).toList(), d.takings(), d.settled(),
                    d.difference(), d.status());
        }
    }

    @GetMapping("/fees/reconciliation")
    DayJson reconciliation(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable Long centre) {
        long centreId = access.centreFor(centre);
        return DayJson.of(reconciliations.day(centreId, date != null ? date : reconciliations.today(centreId)));
    }

    record SettlementJson(@Nullable LocalDate date, @Nullable Long windowId, @Nullable PaymentMethod method,
            @Nullable BigDecimal amount, @Nullable String note) {
    }

    /** The settlement office's figure for a window and method on a day (entered again, it is corrected). */
    @PutMapping("/fees/settlements")
    DayJson settle(@RequestParam(required = false) @Nullable Long centre, @RequestBody SettlementJson body) {
        long centreId = access.centreFor(centre);
        if (body.date() == null) {
            throw DomainException.invalid("date", "cases.fees.settlement.dateRequired");
        }
        reconciliations.enter(centreId, body.date(),
                new Reconciliations.Entry(body.windowId(), body.method(), body.amount(), body.note()));
        return DayJson.of(reconciliations.day(centreId, body.date()));
    }
}
