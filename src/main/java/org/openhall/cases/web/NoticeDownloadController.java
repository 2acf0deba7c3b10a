package org.openhall.cases.web;

import org.openhall.cases.internal.CaseCommands;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The notices of a case as issued, for the staff pages (session login): {@code /cases/{number}/notices/{kind}.pdf}
 * with the kind as the lower-case enum name (receipt, correction, deferral, rejection, suspension, extension,
 * decision). Data scope as everywhere: a case outside it, or a notice never issued, is a 404.
 */
@Controller
class NoticeDownloadController implements ErrorPageOnRefusal {

    private final CaseCommands cases;

    NoticeDownloadController(CaseCommands cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/notices/{kind}.pdf")
    ResponseEntity<byte[]> notice(@PathVariable String number, @PathVariable String kind) {
        return CaseRestController.pdf(cases, number, kind);
    }
}
