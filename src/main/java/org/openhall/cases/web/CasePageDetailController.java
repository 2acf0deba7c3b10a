package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseLifecycle;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case (办件详情, CASE-2..9): header with status, due date, days left and warning; the applicant masked
 * (SEC-2) with an audited "show in full"; the checklist, the timeline of steps (收、审、发全程记录), the
 * suspensions, the notices; and the actions the status and the user's role allow, each a form (htmx)
 * that calls {@link CaseCommands}. A refused action is shown in Chinese next to its form and changes nothing.
 */
@Controller
@RequestMapping("/cases/{number:[A-Za-z0-9][A-Za-z0-9-]*}")
class CasePageDetailController implements CasePage {

    /** Actions of the page, in the order they are offered. */
    enum Action { SUPPLEMENT, REJECT, ROUTE, OPINION, REVIEW, SUSPEND, RESUME, EXTEND, COMPLETE, DELIVER, ARCHIVE }

    private final CasePageSupport support;
    private final CaseCommands cases;
    private final CatalogApi catalog;
    private final UserAccounts accounts;

    CasePageDetailController(CasePageSupport support, CaseCommands cases, CatalogApi catalog, UserAccounts accounts) {
        this.support = support;
        this.cases = cases;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** The latest notice of each kind, in the order they were issued. */
    static List<CaseView.Notice> latestNotices(CaseView v) {
        Map<NoticeKind, CaseView.Notice> latest = new LinkedHashMap<>();
        v.notices().stream().sorted(Comparator.comparing(CaseView.Notice::issuedAt))
                .forEach(n -> {
                    latest.remove(n.kind());
                    latest.put(n.kind(), n);
                });
        return List.copyOf(latest.values());
    }

    /**
     * The case as the user may see it (SEC-1): another centre's case is not found; within the centre the
     * case's department, the clerk who received it, its handler and the departments asked for an opinion
     * see it, and the centre-wide roles.
     */
    CaseView visible(String number) {
        CurrentUser u = support.user();
        CaseView v = cases.get(number);
        if (!u.canSeeCentre(v.centreId())) {
            throw DomainException.notFound("cases.pages.notFound", number);
        }
        if (!canSee(u, v)) {
            throw DomainException.forbidden("cases.pages.forbidden", number);
        }
        return v;
    }

    static boolean canSee(CurrentUser u, CaseView v) {
        if (u.seesAllDepartments()) {
            return true;
        }
        Long staff = u.staffId();
        Long dept = u.departmentId();
        if (dept != null && dept == v.departmentId()) {
            return true;
        }
        if (staff != null && (staff.equals(v.intakeStaffId()) || staff.equals(v.handlerStaffId()))) {
            return true;
        }
        return v.steps().stream().anyMatch(s -> (dept != null && dept.equals(s.departmentId()))
                || (staff != null && staff.equals(s.staffId())));
    }

    @GetMapping
    String detail(@PathVariable String number, Model model) {
        return view(visible(number), model, null, null);
    }

    /**
     * SEC-2: the applicant's full data for those who deal with the applicant; the service decides, masks it for
     * everyone else and audits every full read.
     */
    @PostMapping("/applicant")
    String applicant(@PathVariable String number, Model model) {
        visible(number);
        CaseView v = cases.read(number);
        model.addAttribute("c", v);
        model.addAttribute("applicant", applicantView(v, mayRevealPersonalData(support.user(), v)));
        model.addAttribute("canReveal", false);
        return "cases/detail :: applicant";
    }

    /**
     * Who needs the applicant's full data (the same rule as the service's): ADMIN, the centre office, and the staff
     * who received or handle the case.
     */
    static boolean mayRevealPersonalData(CurrentUser u, CaseView v) {
        if (u.hasRole(Role.ADMIN) || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(v.centreId()))) {
            return true;
        }
        return u.staffId() != null && (u.staffId().equals(v.intakeStaffId()) || u.staffId().equals(v.handlerStaffId()));
    }

    @PostMapping("/supplement")
    String supplement(@PathVariable String number, @RequestParam(required = false) @Nullable List<String> received,
            @RequestParam(required = false) @Nullable String note, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return act(number, Action.SUPPLEMENT, request, model, redirect, () -> {
            if (received == null || received.isEmpty()) {
                throw DomainException.invalid("received", "cases.pages.action.error.nothingReceived");
            }
            List<CaseCommands.MaterialCheck> checks = received.stream()
                    .map(code -> new CaseCommands.MaterialCheck(code, CaseCommands.MaterialState.RECEIVED, null)).toList();
            return cases.supplement(number, checks, note);
        });
    }

    /** 不予受理 of a case waiting for corrections (e.g. the supplements show it does not belong here). */
    @PostMapping("/reject")
    String reject(@PathVariable String number, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String redirectTo, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return act(number, Action.REJECT, request, model, redirect, () -> {
            if (reason == null) {
                throw DomainException.invalid("reason", "cases.pages.intake.error.rejectReason");
            }
            return cases.reject(number, new CaseCommands.Rejection(reason, redirectTo));
        });
    }

    @PostMapping("/route")
    String route(@PathVariable String number, @RequestParam(required = false) @Nullable Long departmentId,
            @RequestParam(required = false) @Nullable Long handlerStaffId, @RequestParam(required = false) @Nullable String note,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.ROUTE, request, model, redirect, () -> {
            if (departmentId == null) {
                throw DomainException.invalid("departmentId", "cases.pages.action.error.department");
            }
            return cases.route(number, departmentId, handlerStaffId, note);
        });
    }

    @PostMapping("/opinion")
    String opinion(@PathVariable String number, @RequestParam(required = false) @Nullable Long stepId,
            @RequestParam(required = false) @Nullable Boolean agree, @RequestParam(required = false) @Nullable String opinion,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.OPINION, request, model, redirect, () -> {
            if (stepId == null || agree == null) {
                throw DomainException.invalid("agree", "cases.pages.action.error.choose");
            }
            if (opinion == null) {
                throw DomainException.invalid("opinion", "cases.pages.action.error.opinion");
            }
            return cases.opinion(number, stepId, agree, opinion);
        });
    }

    @PostMapping("/review")
    String review(@PathVariable String number, @RequestParam(required = false) @Nullable Boolean pass,
            @RequestParam(required = false) @Nullable String note, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return act(number, Action.REVIEW, request, model, redirect, () -> {
            if (pass == null) {
                throw DomainException.invalid("pass", "cases.pages.action.error.choose");
            }
            if (!pass && note == null) {
                throw DomainException.invalid("note", "cases.pages.action.error.reviewNote");
            }
            return cases.review(number, pass, note == null ? "" : note);
        });
    }

    @PostMapping("/suspend")
    String suspend(@PathVariable String number, @RequestParam(required = false) @Nullable SuspensionReason reason,
            @RequestParam(required = false) @Nullable String note, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return act(number, Action.SUSPEND, request, model, redirect, () -> {
            if (reason == null) {
                throw DomainException.invalid("reason", "cases.pages.action.error.suspendReason");
            }
            return cases.suspend(number, reason, note);
        });
    }

    @PostMapping("/resume")
    String resume(@PathVariable String number, @RequestParam(required = false) @Nullable String note,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.RESUME, request, model, redirect, () -> cases.resume(number, note));
    }

    @PostMapping("/extend")
    String extend(@PathVariable String number, @RequestParam(required = false) @Nullable String days,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String approvedBy,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.EXTEND, request, model, redirect, () -> {
            int n;
            try {
                n = days == null ? 0 : Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n <= 0) {
                throw DomainException.invalid("days", "cases.pages.action.error.days");
            }
            if (reason == null) {
                throw DomainException.invalid("reason", "cases.pages.action.error.reason");
            }
            if (approvedBy == null) {
                throw DomainException.invalid("approvedBy", "cases.pages.action.error.approvedBy");
            }
            return cases.extend(number, n, reason, approvedBy);
        });
    }

    @PostMapping("/complete")
    String complete(@PathVariable String number, @RequestParam(required = false) @Nullable CaseResult result,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String remedy,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.COMPLETE, request, model, redirect, () -> {
            if (result == null) {
                throw DomainException.invalid("result", "cases.pages.action.error.choose");
            }
            if (result == CaseResult.REFUSED && (reason == null || remedy == null)) {
                throw DomainException.invalid(reason == null ? "reason" : "remedy", "cases.pages.action.error.refusal");
            }
            return cases.complete(number, result, reason, remedy);
        });
    }

    @PostMapping("/deliver")
    String deliver(@PathVariable String number, @RequestParam(required = false) CaseCommands.@Nullable DeliveryMethod method,
            @RequestParam(required = false) @Nullable String address, @RequestParam(required = false) @Nullable String trackingNumber,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.DELIVER, request, model, redirect, () -> {
            if (method == null) {
                throw DomainException.invalid("method", "cases.pages.action.error.choose");
            }
            if (method == CaseCommands.DeliveryMethod.MAIL && trackingNumber == null) {
                throw DomainException.invalid("trackingNumber", "cases.pages.action.error.mail");
            }
            return cases.deliver(number, method, method == CaseCommands.DeliveryMethod.MAIL ? address : null,
                    method == CaseCommands.DeliveryMethod.MAIL ? trackingNumber : null);
        });
    }

    @PostMapping("/archive")
    String archive(@PathVariable String number, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return act(number, Action.ARCHIVE, request, model, redirect, () -> cases.archive(number));
    }

    /**
     * Runs an action: a refusal re-renders the page with the message next to the action's form and what was
     * typed (200, so that htmx swaps it in); success redirects to the page with a confirmation.
     */
    private String act(String number, Action action, HttpServletRequest request, Model model, RedirectAttributes redirect,
            Supplier<CaseView> command) {
        CaseView before = visible(number);
        try {
            CaseView after = command.get();
            redirect.addFlashAttribute("caseFlash", support.text("cases.pages.action.done." + action.name().toLowerCase(Locale.ROOT),
                    after.number()));
            return "redirect:/cases/" + after.number();
        } catch (DomainException e) {
            return refused(before, action, request, model, e.field(), support.text(e.messageKey(), e.args()));
        } catch (AccessDeniedException e) {
            return refused(before, action, request, model, null, support.text("cases.pages.action.error.denied"));
        }
    }

    private String refused(CaseView before, Action action, HttpServletRequest request, Model model,
            @Nullable String field, String message) {
        Map<String, String> input = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> input.put(k, v.length == 0 ? "" : v[0]));
        model.addAttribute("input", input);
        return view(before, model, action, new ActionError(action, field, message));
    }

    /** Who may approve an extension (Art. 42). */
    record Approver(String username, String displayName, Role role) {
    }

    /** An action refused: which form, which field (if any) and the message. */
    record ActionError(Action action, @Nullable String field, String message) {
    }

    /**
     * What the user may do to the case now: the commands the lifecycle allows in its status, for the roles the
     * service accepts for each (the service checks both again).
     */
    static List<Action> allowed(CurrentUser u, CaseView v, @Nullable ItemVersion item) {
        List<Action> a = new ArrayList<>();
        if (!canSee(u, v)) {
            return a;
        }
        Set<CaseLifecycle.Command> commands = v.allowedCommands();
        boolean acts = CasePageSupport.acts(u);
        boolean office = u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE);
        boolean pending = v.materials().stream().anyMatch(m -> m.state() != CaseCommands.MaterialState.RECEIVED
                && m.requirement() != MaterialRequirement.OPTIONAL);
        if (acts && pending && commands.contains(CaseLifecycle.Command.SUPPLEMENT)) {
            a.add(Action.SUPPLEMENT);
        }
        if (acts && commands.contains(CaseLifecycle.Command.REJECT)) {
            a.add(Action.REJECT);
        }
        if (commands.contains(CaseLifecycle.Command.ROUTE) && (office
                || (u.hasRole(Role.DEPT_HEAD) && Long.valueOf(v.departmentId()).equals(u.departmentId())))) {
            a.add(Action.ROUTE);
        }
        if (commands.contains(CaseLifecycle.Command.OPINION) && openOpinion(u, v).isPresent()) {
            a.add(Action.OPINION);
        }
        boolean handler = u.staffId() != null && u.staffId().equals(v.handlerStaffId());
        if (commands.contains(CaseLifecycle.Command.REVIEW) && item != null && item.reviewRequired() && !handler
                && u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD)) {
            a.add(Action.REVIEW);
        }
        for (var pair : List.of(
                java.util.Map.entry(CaseLifecycle.Command.SUSPEND, Action.SUSPEND),
                java.util.Map.entry(CaseLifecycle.Command.RESUME, Action.RESUME))) {
            if (acts && commands.contains(pair.getKey())) {
                a.add(pair.getValue());
            }
        }
        if ((acts || u.hasRole(Role.LEADER)) && commands.contains(CaseLifecycle.Command.EXTEND)) {
            a.add(Action.EXTEND);
        }
        if (acts && commands.contains(CaseLifecycle.Command.COMPLETE)) {
            a.add(Action.COMPLETE);
        }
        if (acts && commands.contains(CaseLifecycle.Command.DELIVER) && v.deliveredAt() == null) {
            a.add(Action.DELIVER);
        }
        if (acts && commands.contains(CaseLifecycle.Command.ARCHIVE)) {
            a.add(Action.ARCHIVE);
        }
        return a;
    }

    private List<Action> allowed(CurrentUser u, CaseView v) {
        return allowed(u, v, catalog.version(v.itemVersionId()).orElse(null));
    }

    /** The open opinion step (联办件) of the user's department, or any open one for the centre office. */
    static Optional<CaseView.Step> openOpinion(CurrentUser u, CaseView v) {
        if (v.itemType() != ItemType.JOINT) {
            return Optional.empty();
        }
        return v.steps().stream()
                .filter(st -> "OPINION".equals(st.kind()) && "OPEN".equals(st.status()))
                .filter(st -> u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)
                        || (u.departmentId() != null && u.departmentId().equals(st.departmentId()))
                        || (u.staffId() != null && u.staffId().equals(st.staffId())))
                .findFirst();
    }

    /** The applicant as shown: masked unless revealed (SEC-2). */
    record ApplicantView(CaseCommands.ApplicantKind kind, String name, @Nullable String idNumber,
            @Nullable String creditCode, String mobile, @Nullable String email, @Nullable String address, boolean full) {
    }

    static ApplicantView applicantView(CaseView v, boolean full) {
        CaseCommands.Applicant a = v.applicant();
        if (full) {
            return new ApplicantView(a.kind(), a.name(), a.idNumber(), a.creditCode(), a.mobile(), a.email(), a.address(), true);
        }
        boolean person = a.kind() == CaseCommands.ApplicantKind.PERSON;
        return new ApplicantView(a.kind(), person ? String.valueOf(Masking.name(a.name())) : a.name(),
                Masking.idNumber(a.idNumber()), a.creditCode(), String.valueOf(Masking.mobile(a.mobile())),
                maskEmail(a.email()), maskAddress(a.address()), false);
    }

    static @Nullable String maskEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    static @Nullable String maskAddress(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        int keep = Math.min(6, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    private String view(CaseView v, Model model, @Nullable Action open, @Nullable ActionError error) {
        CurrentUser u = support.user();
        CentreInfo centre = support.centreOf(v.centreId());
        Optional<ItemVersion> item = catalog.version(v.itemVersionId());
        Map<Long, String> departments = support.departmentNames(v.centreId());
        Map<Long, String> staff = support.staffNames(v.centreId());
        model.addAttribute("c", v);
        model.addAttribute("centre", centre);
        model.addAttribute("zone", centre.zone());
        model.addAttribute("item", item.orElse(null));
        model.addAttribute("department", departments.getOrDefault(v.departmentId(), ""));
        model.addAttribute("departmentNames", departments);
        model.addAttribute("staffNames", staff);
        model.addAttribute("handler", v.handlerStaffId() == null ? null : staff.get(v.handlerStaffId()));
        model.addAttribute("intakeStaff", v.intakeStaffId() == null ? null : staff.get(v.intakeStaffId()));
        model.addAttribute("window", v.windowId() == null ? null
                : support.organization().window(v.windowId()).orElse(null));
        model.addAttribute("deadline", support.deadline(v.dueDate(), v.limitDays() == null ? null
                : v.limitDays() + v.extensionDays()));
        model.addAttribute("daysLeft", support.daysLeft(centre, v.status(), v.dueDate()));
        model.addAttribute("supplyBy", support.date(v.pendingMaterialsDue()));
        model.addAttribute("applicant", applicantView(v, false));
        model.addAttribute("canReveal", mayRevealPersonalData(u, v));
        model.addAttribute("notices", v.notices().stream().sorted(Comparator.comparing(CaseView.Notice::issuedAt)).toList());
        model.addAttribute("steps", v.steps().stream().sorted(Comparator.comparing(CaseView.Step::createdAt)
                .thenComparing(CaseView.Step::id)).toList());
        List<Action> actions = allowed(u, v, item.orElse(null));
        model.addAttribute("actions", actions);
        model.addAttribute("actionNames", actions.stream().map(Action::name).toList());
        model.addAttribute("open", open);
        model.addAttribute("actionError", error);
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", Map.of());
        }
        model.addAttribute("opinionStep", openOpinion(u, v).orElse(null));
        model.addAttribute("pendingMaterials", v.materials().stream()
                .filter(m -> m.state() != CaseCommands.MaterialState.RECEIVED).toList());
        List<DepartmentInfo> depts = support.departments(v.centreId());
        model.addAttribute("routeDepartments", depts);
        model.addAttribute("routeStaff", support.staffOfCentre(v.centreId()).stream()
                .sorted(Comparator.comparing(StaffSummary::departmentId).thenComparing(StaffSummary::staffNumber)).toList());
        model.addAttribute("suspensionReasons", SuspensionReason.values());
        // Art. 42: an extension is approved by the agency's head: a leader or the centre office of the centre
        model.addAttribute("approvers", accounts.listForCentre(v.centreId()).stream()
                .filter(a -> a.enabled() && !a.locked() && (a.roles().contains(Role.LEADER) || a.roles().contains(Role.CENTRE_OFFICE)))
                .sorted(Comparator.comparing(UserAccounts.Account::username))
                .map(a -> new Approver(a.username(), a.displayName(), a.roles().contains(Role.LEADER) ? Role.LEADER : Role.CENTRE_OFFICE))
                .toList());
        model.addAttribute("results", CaseResult.values());
        model.addAttribute("deliveryMethods", CaseCommands.DeliveryMethod.values());
        return "cases/detail";
    }
}
