package org.openhall.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.internal.CatalogAccess;
import org.openhall.catalog.internal.CatalogImport;
import org.openhall.organization.CentreInfo;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel import of the catalogue (CAT-1, CAT-3) for ADMIN and the centre office: the template, a check that lists
 * every row error without writing, and the import itself, which writes everything or nothing.
 */
@Controller
@RequestMapping("/catalog/import")
class CatalogImportController implements ErrorPageOnRefusal {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CatalogImport importer;
    private final CatalogAccess access;
    private final CatalogController pages;
    private final PageMessages messages;

    CatalogImportController(CatalogImport importer, CatalogAccess access, CatalogController pages, PageMessages messages) {
        this.importer = importer;
        this.access = access;
        this.pages = pages;
        this.messages = messages;
    }

    /** A row error with its message in the page's language. */
    public record ErrorLine(String sheet, int row, String column, String message) {
    }

    @GetMapping
    String page(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = pages.centre(centre, model);
        access.checkManage(c.id());
        return "catalog/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("事项目录导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(importer.template());
    }

    @PostMapping
    String upload(@RequestParam long centreId, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "check") String action, Model model) throws IOException {
        CentreInfo c = pages.centre(centreId, model);
        access.checkManage(c.id());
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.text("catalog.import.noFile"));
            return "catalog/import";
        }
        boolean write = action.equals("import");
        CatalogImport.Report report;
        try (InputStream in = file.getInputStream()) {
            report = importer.run(c.id(), in, write);
        } catch (DomainException e) {
            report = new CatalogImport.Report(List.of(), List.of(new CatalogImport.RowError("", 0, "", e.messageKey(), e.args())),
                    false);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("errors", report.errors().stream()
                .map(e -> new ErrorLine(e.sheet(), e.row(), e.column(), messages.text(e.key(), e.args()))).toList());
        model.addAttribute("written", report.written());
        model.addAttribute("attempted", write);
        return "catalog/import";
    }
}
