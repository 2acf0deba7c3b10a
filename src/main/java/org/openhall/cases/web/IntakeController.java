package org.openhall.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.WindowInfo;
import org.openhall.security.CurrentUser;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.DomainException;
import org.openhall.shared.MobileNumber;
import org.openhall.shared.UnifiedSocialCreditCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Intake at the window (受理, CASE-1, CASE-2, CASE-5a): the clerk finds the item, records the applicant
 * (ID number, credit code and mobile validated, SEC-4), ticks the item's checklist and submits; the
 * outcome page shows the status, the number, the deadline and the notice to print. Bad input is shown
 * next to its field in Chinese and nothing is written.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAnyRole('WINDOW_STAFF','DEPT_HEAD','CENTRE_OFFICE')")
class IntakeController implements CasePage {

    /** The most items a search lists. */
    static final int ITEM_RESULTS = 20;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final CasePageSupport support;
    private final CatalogApi catalog;
    private final CaseCommands cases;

    IntakeController(CasePageSupport support, CatalogApi catalog, CaseCommands cases) {
        this.support = support;
        this.catalog = catalog;
        this.cases = cases;
    }

    @GetMapping("/intake")
    String form(@RequestParam(required = false) @Nullable String item, @RequestParam(required = false) @Nullable String q,
            Model model) {
        CentreInfo centre = support.centre(null);
        Long window = defaultWindow();
        model.addAttribute("q", q);
        // without a search, the items of the clerk's own window
        model.addAttribute("items", q != null ? search(centre, q, window) : window == null ? List.of()
                : search(centre, "", window).stream().filter(i -> i.windowIds().contains(window)).toList());
        if (item != null) {
            Optional<ItemVersion> found = catalog.currentItem(centre.id(), item);
            if (found.isEmpty()) {
                model.addAttribute("itemMissing", item);
            } else {
                model.addAttribute("intake", IntakeForm.of(found.get(), window));
                return formView(centre, found.get(), model);
            }
        }
        return formView(centre, null, model);
    }

    /** The item search of the intake page (htmx), by part of the name or the code. */
    @GetMapping("/intake/items")
    String items(@RequestParam(required = false) @Nullable String q, Model model) {
        CentreInfo centre = support.centre(null);
        model.addAttribute("q", q);
        model.addAttribute("items", search(centre, q == null ? "" : q, defaultWindow()));
        model.addAttribute("departmentNames", support.departmentNames(centre.id()));
        return "cases/intake :: itemResults";
    }

    @PostMapping("/intake")
    String submit(@ModelAttribute("intake") IntakeForm form, BindingResult result,
            @RequestParam(defaultValue = "INTAKE") String outcome, Model model) {
        CentreInfo centre = support.centre(null);
        boolean reject = "REJECT".equals(outcome);
        model.addAttribute("rejecting", reject);
        Optional<ItemVersion> item = form.getItemCode() == null ? Optional.empty()
                : catalog.currentItem(centre.id(), form.getItemCode());
        if (item.isEmpty()) {
            model.addAttribute("itemMissing", form.getItemCode() == null ? "" : form.getItemCode());
            model.addAttribute("items", List.of());
            return formView(centre, null, model);
        }
        if (result.hasErrors()) {
            return formView(centre, item.get(), model);
        }
        validate(form, item.get(), reject, support.today(centre), result);
        if (result.hasErrors()) {
            return formView(centre, item.get(), model);
        }
        try {
            CaseView v = cases.intake(request(centre, form, item.get(), reject));
            return "redirect:/cases/" + v.number() + "/outcome";
        } catch (DomainException e) {
            CasePageSupport.reject(fieldOf(e), result);
            return formView(centre, item.get(), model);
        }
    }

    /** The outcome of an intake: status, number, deadline, what is missing, the notice to print. */
    @GetMapping("/{number}/outcome")
    String outcome(@PathVariable String number, Model model) {
        CaseView v = cases.get(number);
        CentreInfo centre = support.centreOf(v.centreId());
        model.addAttribute("c", v);
        model.addAttribute("centre", centre);
        model.addAttribute("deadline", support.deadline(v.dueDate(), v.limitDays() == null ? null
                : v.limitDays() + v.extensionDays()));
        model.addAttribute("supplyBy", support.date(v.pendingMaterialsDue()));
        model.addAttribute("missing", v.materials().stream()
                .filter(m -> m.state() == CaseCommands.MaterialState.MISSING || m.state() == CaseCommands.MaterialState.WRONG)
                .toList());
        model.addAttribute("deferred", v.materials().stream()
                .filter(m -> m.state() == CaseCommands.MaterialState.DEFERRED).toList());
        model.addAttribute("notices", CasePageDetailController.latestNotices(v));
        model.addAttribute("accepted", v.status() == CaseStatus.ACCEPTED || v.status() == CaseStatus.PROCESSING);
        return "cases/outcome";
    }

    private @Nullable Long defaultWindow() {
        CurrentUser u = support.user();
        if (u.staffId() == null) {
            return null;
        }
        return support.organization().windowsOfStaff(u.staffId()).stream().findFirst().map(WindowInfo::id).orElse(null);
    }

    private List<ItemVersion> search(CentreInfo centre, String q, @Nullable Long window) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        return catalog.currentItems(centre.id()).stream()
                .filter(i -> i.active())
                .filter(i -> needle.isEmpty() || i.code().toLowerCase(Locale.ROOT).contains(needle)
                        || i.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((ItemVersion i) -> window != null && i.windowIds().contains(window) ? 0 : 1)
                        .thenComparing(ItemVersion::code))
                .limit(ITEM_RESULTS)
                .toList();
    }

    private String formView(CentreInfo centre, @Nullable ItemVersion item, Model model) {
        model.addAttribute("centre", centre);
        model.addAttribute("item", item);
        model.addAttribute("departmentNames", support.departmentNames(centre.id()));
        if (!model.containsAttribute("items")) {
            model.addAttribute("items", List.of());
        }
        model.addAttribute("windows", support.organization().windows(centre.id()));
        model.addAttribute("kinds", CaseCommands.ApplicantKind.values());
        model.addAttribute("today", support.today(centre));
        if (item != null) {
            Map<String, MaterialInfo> infos = new LinkedHashMap<>();
            item.materials().forEach(m -> infos.put(m.code(), m));
            model.addAttribute("materialInfo", infos);
            model.addAttribute("limit", item.committedLimitDays());
            model.addAttribute("department", support.organization().department(item.departmentId()).map(d -> d.name())
                    .orElse(""));
        }
        return "cases/intake";
    }

    /** The checks a person expects at the window, in Chinese next to each field (SEC-4). */
    static void validate(IntakeForm f, ItemVersion item, boolean reject, LocalDate today, BindingResult r) {
        if (f.getApplicantName() == null) {
            r.rejectValue("applicantName", "cases.pages.intake.error.name");
        } else if (f.getApplicantName().length() > 100) {
            r.rejectValue("applicantName", "cases.pages.intake.error.tooLong", new Object[] {100}, null);
        }
        if (f.getApplicantKind() == CaseCommands.ApplicantKind.PERSON) {
            if (f.getIdNumber() == null) {
                r.rejectValue("idNumber", "cases.pages.intake.error.idNumber");
            } else {
                ChineseIdNumber.validationError(f.getIdNumber()).ifPresent(k -> r.rejectValue("idNumber", k));
            }
        } else {
            if (f.getCreditCode() == null) {
                r.rejectValue("creditCode", "cases.pages.intake.error.creditCode");
            } else {
                UnifiedSocialCreditCode.validationError(f.getCreditCode()).ifPresent(k -> r.rejectValue("creditCode", k));
            }
            if (f.getIdNumber() != null) {
                ChineseIdNumber.validationError(f.getIdNumber()).ifPresent(k -> r.rejectValue("idNumber", k));
            }
        }
        if (f.getMobile() == null) {
            r.rejectValue("mobile", "cases.pages.intake.error.mobile");
        } else {
            MobileNumber.validationError(f.getMobile()).ifPresent(k -> r.rejectValue("mobile", k));
        }
        if (f.getEmail() != null && (f.getEmail().length() > 200 || !EMAIL.matcher(f.getEmail()).matches())) {
            r.rejectValue("email", "cases.pages.intake.error.email");
        }
        if (f.getAddress() != null && f.getAddress().length() > 300) {
            r.rejectValue("address", "cases.pages.intake.error.tooLong", new Object[] {300}, null);
        }
        if (f.isGreenChannel() && !item.greenChannel()) {
            r.rejectValue("greenChannel", "cases.pages.intake.error.greenChannel");
        }
        if (reject) {
            if (f.getRejectReason() == null) {
                r.rejectValue("rejectReason", "cases.pages.intake.error.rejectReason");
            } else if (f.getRejectReason().length() > 1000) {
                r.rejectValue("rejectReason", "cases.pages.intake.error.tooLong", new Object[] {1000}, null);
            }
            if (f.getRedirectTo() != null && f.getRedirectTo().length() > 300) {
                r.rejectValue("redirectTo", "cases.pages.intake.error.tooLong", new Object[] {300}, null);
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean deferred = false;
        for (int i = 0; i < f.getMaterials().size(); i++) {
            IntakeForm.Line line = f.getMaterials().get(i);
            String field = "materials[" + i + "].";
            Optional<MaterialInfo> info = line.getCode() == null ? Optional.empty() : item.material(line.getCode());
            if (info.isEmpty() || !seen.add(line.getCode())) {
                r.rejectValue(field + "code", "cases.pages.intake.error.material", new Object[] {line.getCode()}, null);
                continue;
            }
            if (line.getState() == null) {
                r.rejectValue(field + "state", "cases.pages.intake.error.state");
            } else if (line.getState() == CaseCommands.MaterialState.WRONG && line.getNote() == null) {
                r.rejectValue(field + "note", "cases.pages.intake.error.wrongNote");
            } else if (line.getState() == CaseCommands.MaterialState.DEFERRED
                    && info.get().requirement() != MaterialRequirement.DEFERRABLE) {
                r.rejectValue(field + "state", "cases.pages.intake.error.notDeferrable");
            }
            if (line.getNote() != null && line.getNote().length() > 500) {
                r.rejectValue(field + "note", "cases.pages.intake.error.tooLong", new Object[] {500}, null);
            }
            deferred |= line.getState() == CaseCommands.MaterialState.DEFERRED;
        }
        if (deferred) {
            if (!f.isCommitmentSigned()) {
                r.rejectValue("commitmentSigned", "cases.pages.intake.error.commitment");
            }
            if (f.getSupplyBy() == null) {
                r.rejectValue("supplyBy", "cases.pages.intake.error.supplyBy");
            } else if (f.getSupplyBy().isBefore(today)) {
                r.rejectValue("supplyBy", "cases.pages.intake.error.supplyByPast");
            }
        }
    }

    private CaseCommands.IntakeRequest request(CentreInfo centre, IntakeForm f, ItemVersion item, boolean reject) {
        boolean person = f.getApplicantKind() == CaseCommands.ApplicantKind.PERSON;
        var applicant = new CaseCommands.Applicant(f.getApplicantKind(), f.getApplicantName(),
                f.getIdNumber() == null ? null : f.getIdNumber().toUpperCase(Locale.ROOT),
                person ? null : f.getCreditCode() == null ? null : f.getCreditCode().toUpperCase(Locale.ROOT),
                f.getMobile(), f.getEmail(), f.getAddress());
        List<CaseCommands.MaterialCheck> checks = new ArrayList<>();
        for (IntakeForm.Line line : f.getMaterials()) {
            if (line.getCode() != null && line.getState() != null && item.material(line.getCode()).isPresent()) {
                checks.add(new CaseCommands.MaterialCheck(line.getCode(), line.getState(), line.getNote()));
            }
        }
        boolean anyDeferred = checks.stream().anyMatch(c -> c.state() == CaseCommands.MaterialState.DEFERRED);
        var deferral = !reject && anyDeferred && f.getSupplyBy() != null
                ? new CaseCommands.Deferral(f.isCommitmentSigned(), f.getSupplyBy()) : null;
        var rejection = reject ? new CaseCommands.Rejection(f.getRejectReason(), f.getRedirectTo()) : null;
        return new CaseCommands.IntakeRequest(centre.id(), item.code(), applicant, checks, IntakeChannel.WINDOW,
                f.getWindowId(), f.isGreenChannel(), deferral, rejection);
    }

    /** The service names fields after its request; the form names some of them differently. */
    private static DomainException fieldOf(DomainException e) {
        String field = e.field();
        if (field == null) {
            return e;
        }
        String f = field.startsWith("applicant.") ? field.substring("applicant.".length()) : field;
        f = switch (f) {
            case "name" -> "applicantName";
            case "kind" -> "applicantKind";
            case "deferral", "deferral.supplyBy" -> "supplyBy";
            case "deferral.commitmentSigned" -> "commitmentSigned";
            case "rejection", "rejection.reason" -> "rejectReason";
            case "rejection.redirectTo" -> "redirectTo";
            default -> f;
        };
        return new DomainException(e.kind(), f, e.messageKey(), e.args());
    }
}
