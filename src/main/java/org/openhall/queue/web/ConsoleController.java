package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueRules;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.PageEstimates;
import org.openhall.queue.internal.SkippedTickets;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The window console (叫号, Q-2, Q-3, Q-5): the clerk signs in to one of the windows they may work at (their A / B
 * posts; a department head also at the department's windows, the centre office at the centre's), then calls the next
 * ticket, recalls, starts, finishes, skips (过号), transfers (转窗) with a note, pauses (暂停服务) with a reason and an
 * expected return, resumes and signs out — by buttons or keyboard shortcuts (F1…F5, Alt+1…5), with htmx partial
 * updates and inline Chinese messages. Before the call the clerk sees only how many wait per service, never who or
 * with which priority (Q-3: no cherry-picking). Without JavaScript every button is a plain form (post, redirect).
 */
@Controller
@RequestMapping("/queue/console")
@PreAuthorize("hasAnyRole('WINDOW_STAFF','DEPT_HEAD','CENTRE_OFFICE')")
class ConsoleController {

    /** Expected-return choices of the pause dialog, in minutes (cut at QueueRules.maxPause). */
    private static final List<Integer> PAUSE_MINUTES = List.of(5, 10, 15, 20, 30, 45, 60, 90, 120);

    private final QueueDesk desk;
    private final QueueServices services;
    private final PageEstimates estimates;
    private final OrganizationApi organization;
    private final CurrentUsers users;
    private final QueueRules queueRules;
    private final PageMessages messages;
    private final SkippedTickets skipped;
    private final Clock clock;

    ConsoleController(QueueDesk desk, QueueServices services, PageEstimates estimates, OrganizationApi organization,
            CurrentUsers users, QueueRules queueRules, PageMessages messages, SkippedTickets skipped, Clock clock) {
        this.desk = desk;
        this.skipped = skipped;
        this.services = services;
        this.estimates = estimates;
        this.organization = organization;
        this.users = users;
        this.queueRules = queueRules;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String console(Model model) {
        CurrentUser user = users.require();
        Optional<QueueDesk.WindowView> mine = signedInWindow(user);
        if (mine.isPresent()) {
            panel(mine.get(), null, model);
            return "queue/console";
        }
        chooser(user, model);
        return "queue/console";
    }

    /** The people waiting per service of the window, refreshed by the page every few seconds. */
    @GetMapping("/{windowId}/waiting")
    String waiting(@PathVariable long windowId, Model model) {
        QueueDesk.WindowView w = own(users.require(), windowId);
        model.addAttribute("window", w);
        model.addAttribute("loads", loads(w));
        return "queue/partials/console-waiting :: waiting";
    }

    /** The clerk's 过号 tickets that may still come back, refreshed by the page every few seconds. */
    @GetMapping("/{windowId}/skipped")
    String skippedList(@PathVariable long windowId, Model model) {
        QueueDesk.WindowView w = own(users.require(), windowId);
        model.addAttribute("window", w);
        skipped(w, model);
        return "queue/partials/console-skipped :: skipped";
    }

    /**
     * 重新呼叫: a skipped ticket of the clerk's list comes back ({@link QueueDesk#comeBack}) and this window calls
     * it at once ({@link QueueDesk#call}). Only while the window is free; should another window call the returned ticket
     * first, it simply waits in its service again and the clerk is told.
     */
    @PostMapping("/{windowId}/skipped/{ticketId}/call")
    String callSkipped(@PathVariable long windowId, @PathVariable long ticketId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            QueueDesk.WindowView w = own(users.require(), windowId);
            if (w.status() != WindowStatus.IDLE) {
                throw DomainException.conflict("queue.staff.skipped.busy");
            }
            SkippedTickets.Skipped s = skipped.returnable(w.centreId(), java.util.Objects.requireNonNull(w.staffId()),
                    ticketId).orElseThrow(() -> DomainException.conflict("queue.staff.skipped.gone"));
            desk.comeBack(s.id(), actor());
            desk.call(windowId, s.id(), actor());
            return null;
        });
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(required = false) @Nullable Long windowId, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        CurrentUser user = users.require();
        try {
            if (user.staffId() == null) {
                throw DomainException.forbidden("queue.pages.console.noStaff");
            }
            if (windowId == null || allowedWindows(user).stream().noneMatch(w -> w.id() == windowId)) {
                throw DomainException.forbidden("queue.pages.console.notYourWindow");
            }
            desk.signIn(windowId, user.staffId(), user.username());
            return "redirect:/queue/console";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            chooser(user, model);
            model.addAttribute("error", messages.text(e));
            return "queue/console";
        }
    }

    @PostMapping("/{windowId}/call")
    String call(@PathVariable long windowId, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            Optional<QueueDesk.TicketView> called = desk.callNext(windowId, actor());
            return called.isEmpty() ? messages.text("queue.pages.console.nobody") : null;
        });
    }

    /** 重呼, 开始办理, 过号 and 恢复服务: the commands that need nothing but the window. */
    @PostMapping("/{windowId}/{command:recall|start|skip|resume}")
    String command(@PathVariable long windowId, @PathVariable String command,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            switch (command) {
                case "recall" -> desk.recall(windowId, actor());
                case "start" -> desk.start(windowId, actor());
                case "skip" -> desk.skip(windowId, actor());
                default -> desk.resume(windowId, actor());
            }
            return null;
        });
    }

    @PostMapping("/{windowId}/finish")
    String finish(@PathVariable long windowId, @RequestParam(required = false) @Nullable String caseNumber,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            String number = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
            if (number != null && number.length() > 48) {
                throw DomainException.invalid("caseNumber", "queue.pages.console.caseNumberTooLong", 48);
            }
            desk.finish(windowId, number, actor());
            return null;
        });
    }

    @PostMapping("/{windowId}/transfer")
    String transfer(@PathVariable long windowId, @RequestParam(required = false) @Nullable Long toServiceId,
            @RequestParam(required = false) @Nullable Long toWindowId, @RequestParam(required = false) @Nullable String note,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            if (toServiceId == null) {
                throw DomainException.invalid("toServiceId", "queue.pages.console.transfer.serviceRequired");
            }
            String n = note == null ? "" : note.strip();
            if (n.length() > 300) {
                throw DomainException.invalid("note", "queue.pages.console.noteTooLong", 300);
            }
            desk.transfer(windowId, toServiceId, toWindowId, n, actor());
            return null;
        });
    }

    @PostMapping("/{windowId}/pause")
    String pause(@PathVariable long windowId, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Integer minutes, @RequestParam(required = false) @Nullable String note,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(windowId, htmx, model, redirect, response, () -> {
            if (reason == null || !queueRules.pauseReasons().contains(reason)) {
                throw DomainException.invalid("reason", "queue.pages.console.pause.reasonRequired");
            }
            if (minutes == null || minutes < 1 || Duration.ofMinutes(minutes).compareTo(queueRules.maxPause()) > 0) {
                throw DomainException.invalid("minutes", "queue.pages.console.pause.minutes",
                        queueRules.maxPause().toMinutes());
            }
            String n = note == null || note.isBlank() ? null : note.strip();
            if (n != null && n.length() > 200) {
                throw DomainException.invalid("note", "queue.pages.console.noteTooLong", 200);
            }
            desk.pause(windowId, reason, n, clock.instant().plus(Duration.ofMinutes(minutes)), actor());
            return null;
        });
    }

    @PostMapping("/{windowId}/sign-out")
    String signOut(@PathVariable long windowId, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = users.require();
        try {
            own(user, windowId);
            desk.signOut(windowId, user.username());
        } catch (DomainException e) {
            return failed(e, windowId, htmx, model, redirect, response);
        }
        return "redirect:/queue/console";
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Runs a command of the signed-in window and answers with the panel (htmx) or a redirect; errors inline. */
    private String act(long windowId, @Nullable String htmx, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Supplier<@Nullable String> command) {
        CurrentUser user = users.require();
        String notice;
        try {
            own(user, windowId);
            notice = command.get();
        } catch (DomainException e) {
            return failed(e, windowId, htmx, model, redirect, response);
        }
        QueueDesk.WindowView w = desk.window(windowId).orElseThrow();
        if (htmx != null) {
            panel(w, null, model);
            model.addAttribute("notice", notice);
            return "queue/console :: panel";
        }
        if (notice != null) {
            redirect.addFlashAttribute("flash", notice);
        }
        return "redirect:/queue/console";
    }

    private String failed(DomainException e, long windowId, @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        String text = messages.text(e);
        Optional<QueueDesk.WindowView> w = desk.window(windowId)
                .filter(x -> x.staffId() != null && x.staffId().equals(users.require().staffId()));
        if (htmx != null && w.isPresent()) {
            // the panel with the message in place (200, so that htmx swaps it in; the status is in a header)
            response.setHeader("X-OpenHall-Status", String.valueOf(e.httpStatus()));
            panel(w.get(), text, model);
            return "queue/console :: panel";
        }
        if (htmx != null) {
            response.setHeader("HX-Redirect", "/queue/console");
        }
        redirect.addFlashAttribute("flashError", text);
        return "redirect:/queue/console";
    }

    private String actor() {
        return users.require().username();
    }

    /** The window the user is signed in at, or 403 when it is not theirs. */
    private QueueDesk.WindowView own(CurrentUser user, long windowId) {
        return desk.window(windowId)
                .filter(w -> w.status() != WindowStatus.SIGNED_OUT && w.staffId() != null
                        && w.staffId().equals(user.staffId()))
                .orElseThrow(() -> DomainException.forbidden("queue.pages.console.notSignedIn"));
    }

    private Optional<QueueDesk.WindowView> signedInWindow(CurrentUser user) {
        if (user.staffId() == null || user.centreId() == null) {
            return Optional.empty();
        }
        return desk.windows(user.centreId()).stream()
                .filter(w -> w.status() != WindowStatus.SIGNED_OUT && user.staffId().equals(w.staffId()))
                .findFirst();
    }

    /** The windows the user may sign in to: their A / B posts, a head's department, the office's centre. */
    private List<WindowInfo> allowedWindows(CurrentUser user) {
        Map<Long, WindowInfo> out = new LinkedHashMap<>();
        if (user.staffId() != null) {
            organization.windowsOfStaff(user.staffId()).forEach(w -> out.put(w.id(), w));
        }
        if (user.centreId() != null) {
            for (WindowInfo w : organization.windows(user.centreId())) {
                boolean head = user.hasRole(Role.DEPT_HEAD) && user.departmentId() != null
                        && user.departmentId() == w.departmentId();
                if (head || user.hasRole(Role.CENTRE_OFFICE)) {
                    out.putIfAbsent(w.id(), w);
                }
            }
        }
        return out.values().stream().filter(w -> user.centreId() == null || w.centreId() == user.centreId()).toList();
    }

    private void chooser(CurrentUser user, Model model) {
        List<WindowInfo> allowed = allowedWindows(user);
        Map<Long, QueueDesk.WindowView> states = user.centreId() == null ? Map.of()
                : desk.windows(user.centreId()).stream()
                        .collect(Collectors.toMap(QueueDesk.WindowView::windowId, w -> w, (a, b) -> a));
        List<Choice> choices = new ArrayList<>();
        for (WindowInfo w : allowed) {
            QueueDesk.WindowView state = states.get(w.id());
            boolean taken = state != null && state.status() != WindowStatus.SIGNED_OUT;
            choices.add(new Choice(w, taken, taken ? state.staffName() : null));
        }
        model.addAttribute("choices", choices);
        model.addAttribute("noStaff", user.staffId() == null);
    }

    private void panel(QueueDesk.WindowView w, @Nullable String error, Model model) {
        ZoneId zone = organization.centre(w.centreId()).orElseThrow().zone();
        Instant now = clock.instant();
        model.addAttribute("window", w);
        model.addAttribute("error", error);
        model.addAttribute("loads", loads(w));
        QueueDesk.TicketView t = w.current();
        if (t != null) {
            model.addAttribute("queuedAt", LocalDateTime.ofInstant(t.queuedAt(), zone));
            Instant waitedUntil = t.calledAt() != null ? t.calledAt() : now;
            model.addAttribute("waitedMinutes", Math.max(0, Duration.between(t.queuedAt(), waitedUntil).toMinutes()));
            model.addAttribute("calledAt", t.calledAt() == null ? null : LocalDateTime.ofInstant(t.calledAt(), zone));
        }
        if (w.pauseUntil() != null) {
            model.addAttribute("pauseUntil", LocalDateTime.ofInstant(w.pauseUntil(), zone));
        }
        model.addAttribute("since", LocalDateTime.ofInstant(w.since(), zone));
        model.addAttribute("transferServices", services.services(w.centreId()).stream()
                .filter(QueueServices.ServiceView::active).toList());
        model.addAttribute("transferWindows", desk.windows(w.centreId()).stream()
                .filter(x -> x.windowId() != w.windowId()).toList());
        skipped(w, model);
        model.addAttribute("pauseReasons", queueRules.pauseReasons());
        model.addAttribute("pauseMinutes", PAUSE_MINUTES.stream()
                .filter(m -> Duration.ofMinutes(m).compareTo(queueRules.maxPause()) <= 0).toList());
    }

    private void skipped(QueueDesk.WindowView w, Model model) {
        ZoneId zone = organization.centre(w.centreId()).orElseThrow().zone();
        List<SkippedLine> lines = w.staffId() == null ? List.of()
                : skipped.returnable(w.centreId(), w.staffId()).stream()
                        .map(s -> new SkippedLine(s, LocalDateTime.ofInstant(s.skippedAt(), zone),
                                LocalDateTime.ofInstant(s.returnsBy(), zone)))
                        .toList();
        model.addAttribute("skipped", lines);
    }

    private List<Load> loads(QueueDesk.WindowView w) {
        Set<Long> own = services.servicesOfWindow(w.windowId(), true).stream().map(QueueServices.ServiceView::id)
                .collect(Collectors.toSet());
        return estimates.forCentre(w.centreId()).stream().filter(l -> w.serviceIds().contains(l.serviceId()))
                .map(l -> new Load(l, own.contains(l.serviceId()))).toList();
    }

    /** A window the user may sign in to; {@code taken}: someone is signed in there ({@code by}). */
    public record Choice(WindowInfo window, boolean taken, @Nullable String by) {
    }

    /** A 过号 ticket of the clerk that may come back, with its times in the centre's zone. */
    public record SkippedLine(SkippedTickets.Skipped ticket, LocalDateTime skippedAt, LocalDateTime returnsBy) {
    }

    /** People waiting for one of the window's services (counts only, Q-3); {@code own}: its own line. */
    public record Load(WaitEstimates.ServiceLoad load, boolean own) {
    }
}
