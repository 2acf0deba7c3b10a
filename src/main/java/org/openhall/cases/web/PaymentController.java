package org.openhall.cases.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.FeeInfo;
import org.openhall.cases.internal.FeeAccess;
import org.openhall.cases.internal.FeeCase;
import org.openhall.cases.internal.FeeMoney;
import org.openhall.cases.internal.Payment;
import org.openhall.cases.internal.PaymentMethod;
import org.openhall.cases.internal.PaymentRequest;
import org.openhall.cases.internal.PaymentStatus;
import org.openhall.cases.internal.Payments;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CASE-8 at the window: the fee items of the case's item version, recording a payment, printing its receipt, and
 * the case's payments with their voids (a clerk asks with a reason, the centre office approves or refuses).
 * Self-contained, with a link back to the case's page.
 */
@Controller
@RequestMapping("/cases/{number}/payments")
class PaymentController implements ErrorPageOnRefusal {

    private final Payments payments;
    private final FeeAccess access;
    private final OrganizationApi organization;
    private final PageMessages messages;

    PaymentController(Payments payments, FeeAccess access, OrganizationApi organization, PageMessages messages) {
        this.payments = payments;
        this.access = access;
        this.organization = organization;
        this.messages = messages;
    }

    /** The payment form: one line per fee item of the case's item version. */
    public static class PaymentForm {
        private @Nullable Long windowId;
        private @Nullable PaymentMethod method;
        private @Nullable String payer;
        private List<Line> lines = new ArrayList<>();

        public @Nullable Long getWindowId() {
            return windowId;
        }

        public void setWindowId(@Nullable Long windowId) {
            this.windowId = windowId;
        }

        public @Nullable PaymentMethod getMethod() {
            return method;
        }

        public void setMethod(@Nullable PaymentMethod method) {
            this.method = method;
        }

        public @Nullable String getPayer() {
            return payer;
        }

        public void setPayer(@Nullable String payer) {
            this.payer = payer;
        }

        public List<Line> getLines() {
            return lines;
        }

        public void setLines(List<Line> lines) {
            this.lines = lines;
        }

        PaymentRequest toRequest() {
            List<PaymentRequest.Item> items = lines.stream().filter(Line::isSelected)
                    .map(l -> new PaymentRequest.Item(l.getCode(), l.getQuantity(), null)).toList();
            return new PaymentRequest(windowId, method, payer, items);
        }
    }

    public static class Line {
        private @Nullable String code;
        private boolean selected;
        private @Nullable Integer quantity = 1;

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public boolean isSelected() {
            return selected;
        }

        public void setSelected(boolean selected) {
            this.selected = selected;
        }

        public @Nullable Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(@Nullable Integer quantity) {
            this.quantity = quantity;
        }
    }

    /** A fee item as the form shows it: its standard and whether it is paid already. */
    public record FeeLine(int index, String code, String name, @Nullable String basis, String standard, boolean paid) {
    }

    @ModelAttribute("methods")
    PaymentMethod[] methods() {
        return PaymentMethod.values();
    }

    @GetMapping
    String page(@PathVariable String number, Model model) {
        FeeCase c = payments.caseForPayments(number);
        PaymentForm form = new PaymentForm();
        form.setMethod(PaymentMethod.CASH);
        form.setWindowId(defaultWindow(c));
        return view(c, form, model);
    }

    private @Nullable Long defaultWindow(FeeCase c) {
        Long staff = access.actorStaffId();
        if (staff != null) {
            List<WindowInfo> own = organization.windowsOfStaff(staff).stream()
                    .filter(w -> w.centreId() == c.centreId()).toList();
            if (!own.isEmpty()) {
                return own.getFirst().id();
            }
        }
        return c.windowId();
    }

    private String view(FeeCase c, PaymentForm form, Model model) {
        List<Payment> list = payments.ofCaseId(c.id());
        Set<String> paid = new HashSet<>();
        list.stream().filter(p -> p.status().counts()).forEach(p -> p.lines().forEach(l -> paid.add(l.feeCode())));
        List<FeeLine> fees = new ArrayList<>();
        String feeError = null;
        try {
            List<FeeInfo> items = payments.feeItems(c);
            for (int i = 0; i < items.size(); i++) {
                FeeInfo f = items.get(i);
                fees.add(new FeeLine(i, f.code(), f.name(), f.basis(), FeeMoney.format(f.amount()), paid.contains(f.code())));
            }
        } catch (DomainException e) {
            feeError = messages.text(e);
        }
        // the form's lines follow the fee items; what was typed is kept after an error
        List<Line> lines = new ArrayList<>();
        for (FeeLine f : fees) {
            Line line = form.getLines().stream().filter(l -> f.code().equals(l.getCode())).findFirst().orElseGet(Line::new);
            line.setCode(f.code());
            lines.add(line);
        }
        form.setLines(lines);
        model.addAttribute("case", c);
        model.addAttribute("applicant", Masking.name(c.applicantName()));
        model.addAttribute("fees", fees);
        model.addAttribute("feeError", feeError);
        model.addAttribute("allPaid", feeError == null && fees.stream().allMatch(FeeLine::paid));
        model.addAttribute("payments", list);
        model.addAttribute("paymentForm", form);
        model.addAttribute("windows", organization.windows(c.centreId()));
        model.addAttribute("zone", organization.centre(c.centreId()).map(org.openhall.organization.CentreInfo::zone)
                .orElse(java.time.ZoneOffset.UTC));
        model.addAttribute("open", c.acceptsPayments());
        model.addAttribute("canCollect", c.acceptsPayments() && access.canCollect(c.centreId(), c.departmentId(), form.getWindowId()));
        model.addAttribute("canSettle", access.canSettle(c.centreId()));
        return "cases/payments";
    }

    @PostMapping
    String record(@PathVariable String number, @ModelAttribute("paymentForm") PaymentForm form, Model model,
            RedirectAttributes redirect) {
        FeeCase c = payments.caseForPayments(number);
        try {
            Payment p = payments.record(number, form.toRequest());
            redirect.addFlashAttribute("flash", messages.text("cases.fees.recorded", p.receiptNumber(), FeeMoney.format(p.total())));
            redirect.addFlashAttribute("printReceipt", p.receiptNumber());
            return "redirect:/cases/" + number + "/payments";
        } catch (DomainException e) {
            model.addAttribute("error", messages.text(e));
            model.addAttribute("errorField", e.field());
            return view(payments.caseByNumber(c.number()), form, model);
        }
    }

    @GetMapping("/{receipt}.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String number, @PathVariable String receipt) {
        return pdf(payments.receiptPdf(number, receipt), receipt + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @PostMapping("/{receipt}/void")
    String requestVoid(@PathVariable String number, @PathVariable String receipt,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            payments.requestVoid(number, receipt, reason);
            redirect.addFlashAttribute("flash", messages.text("cases.fees.void.requested", receipt));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/cases/" + number + "/payments";
    }

    @PostMapping("/{receipt}/void/decision")
    String decideVoid(@PathVariable String number, @PathVariable String receipt, @RequestParam boolean approve,
            @RequestParam(required = false) @Nullable String refusal,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        try {
            Payment p = payments.decideVoid(number, receipt, approve, refusal);
            redirect.addFlashAttribute("flash", messages.text(p.status() == PaymentStatus.VOIDED ? "cases.fees.void.approved"
                    : "cases.fees.void.refused", receipt));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        // back to the reconciliation page when the decision was taken there (only a local path is followed)
        if (back != null && back.matches("/cases/fees/reconciliation(\\?[A-Za-z0-9=&\\-]*)?")) {
            return "redirect:" + back;
        }
        return "redirect:/cases/" + number + "/payments";
    }
}
