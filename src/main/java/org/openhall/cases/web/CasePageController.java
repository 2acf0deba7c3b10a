package org.openhall.cases.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.CaseQueryPage;
import org.openhall.cases.internal.CaseQueryService;
import org.openhall.cases.internal.CaseSearch;
import org.openhall.organization.CentreInfo;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case pages' start (办件), the clerk's own cases (我的办件) and the centre's board of all cases
 * (全部办件) for the centre office and the leaders (CASE-4, CASE-5; SEC-1 data scope, SEC-2 masking).
 */
@Controller
@RequestMapping("/cases")
class CasePageController implements CasePage {

    private final CasePageSupport support;
    private final CaseQueryService queries;
    private final CaseSearch search;

    CasePageController(CasePageSupport support, CaseQueryService queries, CaseSearch search) {
        this.support = support;
        this.queries = queries;
        this.search = search;
    }

    /** Tabs by role with small counts. */
    @GetMapping
    String landing(Model model) {
        CurrentUser u = support.user();
        model.addAttribute("counts", queries.counts(u));
        model.addAttribute("clerk", u.hasAnyRole(Role.WINDOW_STAFF, Role.DEPT_HEAD, Role.CENTRE_OFFICE));
        model.addAttribute("handler", u.departmentId() != null || u.staffId() != null);
        model.addAttribute("board", CasePageSupport.seesBoard(u));
        model.addAttribute("office", u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR));
        model.addAttribute("manager", u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE));
        return "cases/landing";
    }

    @GetMapping("/mine")
    String mine(@RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        CurrentUser u = support.user();
        CentreInfo centre = support.centre(null);
        CaseQueryPage p = queries.mine(u, status, Math.max(0, page), CasePageSupport.PAGE_SIZE);
        model.addAttribute("centre", centre);
        model.addAttribute("status", status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("result", p);
        model.addAttribute("lines", support.lines(centre, p.rows()));
        return htmx != null ? "cases/mine :: results" : "cases/mine";
    }

    @GetMapping("/all")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
    String all(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable WarningLevel warning,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        CurrentUser u = support.user();
        CentreInfo c = support.centre(centre);
        CaseSearch.Filter filter = new CaseSearch.Filter(c.id(), status, department, item, warning, from, to, number);
        CaseQueryPage p = search.search(u, filter, c.zone(), Math.max(0, page), CasePageSupport.PAGE_SIZE);
        model.addAttribute("centre", c);
        model.addAttribute("centreChoices", u.hasRole(Role.ADMIN) ? support.organization().centres() : java.util.List.of());
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("warnings", WarningLevel.values());
        model.addAttribute("departments", u.seesAllDepartments() ? support.departments(c.id())
                : support.departments(c.id()).stream().filter(d -> d.id() == (u.departmentId() == null ? -1 : u.departmentId())).toList());
        model.addAttribute("result", p);
        model.addAttribute("lines", support.lines(c, p.rows()));
        return htmx != null ? "cases/all :: results" : "cases/all";
    }
}
