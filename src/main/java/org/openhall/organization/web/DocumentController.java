package org.openhall.organization.web;

import java.nio.charset.StandardCharsets;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.OrgDocuments;
import org.openhall.organization.internal.Windows;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** ORG-3: printable staff badge and window card as PDF. */
@Controller
class DocumentController implements ErrorPageOnRefusal {

    private final OrgDocuments documents;
    private final Windows windows;
    private final Centres centres;

    DocumentController(OrgDocuments documents, Windows windows, Centres centres) {
        this.documents = documents;
        this.windows = windows;
        this.centres = centres;
    }

    @GetMapping("/org/staff/{id}/badge.pdf")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
    ResponseEntity<byte[]> badge(@PathVariable long id) {
        return pdf(documents.badge(id), "badge-" + id + ".pdf");
    }

    @GetMapping("/org/windows/{id}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable long id) {
        var w = windows.get(id).window();
        String code = centres.get(w.centreId()).code();
        String publicUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/public/centres/{code}/staff").buildAndExpand(code).toUriString();
        return pdf(documents.windowCard(id, publicUrl), "window-" + w.number() + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
