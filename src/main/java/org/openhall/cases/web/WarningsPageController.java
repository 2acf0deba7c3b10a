package org.openhall.cases.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.WarningBoard;
import org.openhall.cases.internal.WarningScan;
import org.openhall.cases.internal.WarningScope;
import org.openhall.cases.internal.WarningScopes;
import org.openhall.cases.internal.WarningStats;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 电子监察 pages (CASE-5): the warnings board {@code /cases/warnings} with the on-demand scan, and the on-time rate
 * {@code /cases/stats} (办结率). For the centre office, leaders, supervisors and ADMIN; a DEPT_HEAD sees their own
 * department. Only the centre office, supervisors and ADMIN start a scan.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
class WarningsPageController implements ErrorPageOnRefusal {

    private final WarningScopes scopes;
    private final WarningBoard board;
    private final WarningScan scan;
    private final WarningStats stats;
    private final MessageSource messages;
    private final PageMessages pages;

    WarningsPageController(WarningScopes scopes, WarningBoard board, WarningScan scan, WarningStats stats,
            MessageSource messages, PageMessages pages) {
        this.scopes = scopes;
        this.board = board;
        this.scan = scan;
        this.stats = stats;
        this.messages = messages;
        this.pages = pages;
    }

    @GetMapping("/warnings")
    String board(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(defaultValue = "1") int page, Model model) {
        WarningScope scope = scopes.resolve(centre);
        WarningLevel lv = level(level);
        WarningBoard.Page p = board.board(scope, department, lv, page);
        model.addAttribute("scope", scope);
        model.addAttribute("departments", board.departments(scope));
        model.addAttribute("department", scope.department(department));
        model.addAttribute("level", lv == null ? "" : lv.name());
        model.addAttribute("board", p);
        model.addAttribute("lastScanAt", p.lastScan().map(l -> ZonedDateTime.ofInstant(l.at(), scope.zone())).orElse(null));
        model.addAttribute("pageLink", link("/cases/warnings", centre, department, lv == null ? null : lv.name()));
        model.addAttribute("statsLink", link("/cases/stats", centre, null, null));
        return "cases/warnings/board";
    }

    /** The 立即扫描 button: scans the centre now; htmx gets the refreshed board, a plain form post a redirect. */
    @PostMapping("/warnings/scan")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String scanNow(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String level,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model, RedirectAttributes redirect) {
        WarningScope scope = scopes.resolve(centre);
        WarningScan.Result r = scan.scan(scope.centreId());
        String flash = messages.getMessage("cases.warnings.scan.done", new Object[] {r.redRaised(), r.yellowRaised(),
                r.stepsRed(), r.stepsYellow(), r.millis()}, LocaleContextHolder.getLocale());
        if (htmx != null) {
            model.addAttribute("flash", flash);
            return board(centre, department, level, 1, model);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + link("/cases/warnings", centre, department, level);
    }

    @GetMapping("/stats")
    String stats(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "desc") String dir, Model model) {
        WarningScope scope = scopes.resolve(centre);
        model.addAttribute("scope", scope);
        model.addAttribute("departments", board.departments(scope));
        model.addAttribute("department", scope.department(department));
        LocalDate[] month = stats.thisMonth(scope);
        WarningStats.By b;
        try {
            b = WarningStats.By.parse(by);
        } catch (DomainException e) {
            b = WarningStats.By.ITEM;
        }
        model.addAttribute("by", b.name().toLowerCase(Locale.ROOT));
        WarningStats.Sort s;
        boolean asc;
        try {
            s = WarningsApiController.sort(sort);
            asc = WarningsApiController.direction(dir);
        } catch (DomainException e) {
            s = WarningStats.Sort.COMPLETED;
            asc = false;
        }
        model.addAttribute("sort", s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        model.addAttribute("dir", asc ? "asc" : "desc");
        model.addAttribute("from", from == null ? month[0].toString() : from);
        model.addAttribute("to", to == null ? month[1].toString() : to);
        model.addAttribute("boardLink", link("/cases/warnings", centre, null, null));
        model.addAttribute("sortBase", UriComponentsBuilder.fromPath("/cases/stats")
                .queryParamIfPresent("centre", Optional.ofNullable(centre))
                .queryParam("from", model.getAttribute("from")).queryParam("to", model.getAttribute("to"))
                .queryParam("by", model.getAttribute("by"))
                .queryParamIfPresent("department", Optional.ofNullable(department)).build().toUriString());
        LocalDate f = date(from, "from", model);
        LocalDate t = date(to, "to", model);
        if (!model.containsAttribute("rangeError")) {
            try {
                model.addAttribute("report", stats.onTime(scope, f, t, b, department, s, asc));
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID) {
                    throw e;
                }
                model.addAttribute("rangeError", pages.requiredText(e));
            }
        }
        return "cases/warnings/stats";
    }

    private @Nullable LocalDate date(@Nullable String s, String field, Model model) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("rangeError", messages.getMessage("cases.warnings.stats.date.invalid",
                    new Object[] {s}, LocaleContextHolder.getLocale()));
            return null;
        }
    }

    /** A page path with the filters that are set (none empty). */
    private static String link(String path, @Nullable Long centre, @Nullable Long department, @Nullable String level) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("centre", Optional.ofNullable(centre))
                .queryParamIfPresent("department", Optional.ofNullable(department))
                .queryParamIfPresent("level", Optional.ofNullable(level).filter(s -> !s.isBlank()))
                .build().toUriString();
    }

    private static @Nullable WarningLevel level(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            WarningLevel l = WarningLevel.valueOf(s.strip().toUpperCase(Locale.ROOT));
            return l == WarningLevel.NONE ? null : l;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
