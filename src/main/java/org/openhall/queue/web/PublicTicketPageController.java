package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueuePageRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status of a ticket, opened from the QR code on the printed ticket or after taking a ticket
 * online: number, service, status, people ahead, estimated wait, and the window once called. Needs the ticket's printed
 * code; a wrong code answers exactly like an unknown ticket (404). The page refreshes itself. No personal data.
 */
@Controller
class PublicTicketPageController {

    private final QueueDesk desk;
    private final TicketSlips slips;
    private final QueuePageRules rules;

    PublicTicketPageController(QueueDesk desk, TicketSlips slips, QueuePageRules rules) {
        this.desk = desk;
        this.slips = slips;
        this.rules = rules;
    }

    @GetMapping("/public/tickets/{id}")
    String status(@PathVariable String id, @RequestParam(required = false) @Nullable String code,
            @RequestParam(name = "new", required = false) @Nullable String fresh, HttpServletResponse response,
            Model model) {
        Optional<QueueDesk.TicketView> ticket = find(id, code);
        model.addAttribute("rules", rules);
        if (ticket.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("notFound", true);
            return "queue/public-ticket";
        }
        model.addAttribute("slip", slips.slip(ticket.get(), null));
        model.addAttribute("fresh", fresh != null);
        return "queue/public-ticket";
    }

    /** The ticket for printing at home (online tickets) or at a desk: the same slip as the kiosk prints. */
    @GetMapping("/public/tickets/{id}/print")
    String print(@PathVariable String id, @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String paper, HttpServletResponse response, Model model) {
        Optional<QueueDesk.TicketView> ticket = find(id, code);
        model.addAttribute("rules", rules);
        if (ticket.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("notFound", true);
            return "queue/public-ticket";
        }
        model.addAttribute("slip", slips.slip(ticket.get(), null));
        model.addAttribute("a4", "a4".equalsIgnoreCase(paper));
        return "queue/public-ticket-print";
    }

    private Optional<QueueDesk.TicketView> find(String id, @Nullable String code) {
        if (code == null || code.isBlank() || code.length() > 16 || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return desk.publicTicket(Long.parseLong(id), code.strip());
    }
}
