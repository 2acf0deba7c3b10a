package org.openhall.security.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.openhall.security.internal.AuditQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** SEC-3: the ADMIN browses and filters the audit trail. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final int PAGE = 50;
    private static final int MAX_PAGE = 1_000_000;
    private final AuditQuery audit;
    private final ZoneId zone;

    AuditController(AuditQuery audit, @Value("${openhall.default-zone}") String zone) {
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new AuditQuery.Filter(entityType, actor, entityId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        // bounded so that page * size can never overflow into a negative offset
        int p = Math.min(Math.max(page, 0), MAX_PAGE);
        var rows = audit.find(filter, PAGE + 1, p * PAGE);
        model.addAttribute("entries", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("entityTypes", audit.entityTypes());
        model.addAttribute("zone", zone);
        model.addAttribute("filter", filter);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "security/audit";
    }
}
