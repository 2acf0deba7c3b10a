package org.openhall.cases.web;

import org.openhall.cases.internal.CaseQueryPage;
import org.openhall.cases.internal.CaseQueryService;
import org.openhall.organization.CentreInfo;
import org.openhall.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The handler's work list (待办, CASE-4, CASE-5): open cases routed to them or their department and the
 * open opinion and review steps of their department, RED first, then YELLOW, then by due date, with the
 * working days left from the centre's calendar; and what they have done (已办).
 */
@Controller
@RequestMapping("/cases/work")
class WorkListController implements CasePage {

    private final CasePageSupport support;
    private final CaseQueryService queries;

    WorkListController(CasePageSupport support, CaseQueryService queries) {
        this.support = support;
        this.queries = queries;
    }

    @GetMapping
    String work(@RequestParam(defaultValue = "todo") String tab, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser u = support.user();
        CentreInfo centre = support.centre(null);
        model.addAttribute("centre", centre);
        boolean done = "done".equals(tab);
        model.addAttribute("tab", done ? "done" : "todo");
        if (done) {
            CaseQueryPage p = queries.done(u, Math.max(0, page), CasePageSupport.PAGE_SIZE);
            model.addAttribute("result", p);
            model.addAttribute("lines", support.lines(centre, p.rows()));
        } else {
            model.addAttribute("result", null);
            model.addAttribute("lines", support.lines(centre, queries.workList(u)));
        }
        return "cases/work";
    }
}
