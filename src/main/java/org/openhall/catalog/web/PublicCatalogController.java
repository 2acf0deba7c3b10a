package org.openhall.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.internal.CatalogService;
import org.openhall.catalog.internal.StoredVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 办事公开制 (CAT-2): the searchable catalogue of a centre grouped by department, the printable guide of each
 * item (办事指南) as a page and as a PDF, and the sample form files; no login, no personal data.
 */
@Controller
class PublicCatalogController implements ErrorPageOnRefusal {

    private final CatalogService catalog;
    private final Guides guides;
    private final GuidePdf pdf;

    PublicCatalogController(CatalogService catalog, Guides guides, GuidePdf pdf) {
        this.catalog = catalog;
        this.guides = guides;
        this.pdf = pdf;
    }

    /** A department of the catalogue with its items. */
    public record Group(String name, List<Guide> items) {
    }

    @GetMapping("/public/centres/{centreCode}/catalog")
    String catalogue(@PathVariable String centreCode, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long department, Model model) {
        CentreInfo c = guides.centre(centreCode);
        List<DepartmentInfo> departments = guides.departments(c.id());
        List<Guide> found = guides.guides(catalog.search(c.id(), CatalogService.Filter.text(q, department)), c);
        Map<Long, Group> groups = new LinkedHashMap<>();
        // in the centre's duty order, each item under its lead department
        for (DepartmentInfo d : departments) {
            List<Guide> items = found.stream().filter(g -> g.department().id() == d.id()).toList();
            if (!items.isEmpty()) {
                groups.put(d.id(), new Group(d.name(), items));
            }
        }
        List<Guide> rest = found.stream().filter(g -> !groups.containsKey(g.department().id())).toList();
        if (!rest.isEmpty()) {
            groups.put(-1L, new Group(rest.getFirst().department().name(), rest));
        }
        model.addAttribute("centre", c);
        model.addAttribute("departments", departments);
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("groups", groups.values());
        model.addAttribute("total", found.size());
        return "catalog/public-list";
    }

    @GetMapping("/public/centres/{centreCode}/catalog/{itemCode}")
    String guide(@PathVariable String centreCode, @PathVariable String itemCode, Model model) {
        CentreInfo c = guides.centre(centreCode);
        model.addAttribute("g", guides.guide(guides.currentActive(c, itemCode), c));
        return "catalog/guide";
    }

    /** CAT-3: any version by its id (cases refer to the version they were received under). */
    @GetMapping("/public/catalog/versions/{versionId}")
    String version(@PathVariable long versionId, Model model) {
        StoredVersion v = catalog.stored(versionId)
                .orElseThrow(() -> DomainException.notFound("catalog.version.notFound", versionId));
        model.addAttribute("g", guides.guide(v));
        return "catalog/guide";
    }

    @GetMapping("/public/centres/{centreCode}/catalog/{itemCode}/guide.pdf")
    ResponseEntity<byte[]> guidePdf(@PathVariable String centreCode, @PathVariable String itemCode) {
        CentreInfo c = guides.centre(centreCode);
        Guide g = guides.guide(guides.currentActive(c, itemCode), c);
        return pdfResponse(g);
    }

    @GetMapping("/public/catalog/versions/{versionId}/guide.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable long versionId) {
        StoredVersion v = catalog.stored(versionId)
                .orElseThrow(() -> DomainException.notFound("catalog.version.notFound", versionId));
        return pdfResponse(guides.guide(v));
    }

    private ResponseEntity<byte[]> pdfResponse(Guide g) {
        byte[] bytes = pdf.render(g);
        String name = "办事指南-" + g.data().code() + "-v" + g.item().version() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/public/catalog/samples/{id}")
    ResponseEntity<byte[]> sample(@PathVariable long id) {
        CatalogService.Sample s = catalog.sample(id)
                .orElseThrow(() -> DomainException.notFound("catalog.sample.notFound", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(s.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(s.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(s.content());
    }
}
