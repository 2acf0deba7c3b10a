package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ApplicationService;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.ApplicationUploadCheck;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 网上办理 (CASE-10), without login: choose a centre and an item open to online application (searchable), fill in
 * the applicant and upload one file per material of the checklist, declare that everything is true, submit. Errors
 * appear next to their fields in Chinese and nothing is stored; a submitted application gets its case number at once,
 * shown on the confirmation page with the link to the progress query.
 */
@Controller
class ApplicationController implements ErrorPageOnRefusal {

    private final ApplicationService applications;
    private final ApplicationUploadCheck uploads;
    private final OrganizationApi organization;
    private final MessageSource messages;
    private final long maxRequestMegabytes;

    ApplicationController(ApplicationService applications, ApplicationUploadCheck uploads, OrganizationApi organization,
            MessageSource messages, MultipartProperties multipart) {
        this.maxRequestMegabytes = Math.max(1, multipart.getMaxRequestSize().toMegabytes());
        this.applications = applications;
        this.uploads = uploads;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/public/apply")
    String items(@RequestParam(required = false) @Nullable String centre, @RequestParam(required = false) @Nullable String q,
            Model model) {
        List<CentreInfo> centres = organization.centres();
        CentreInfo chosen = centre == null || centre.isBlank()
                ? (centres.size() == 1 ? centres.getFirst() : null)
                : centres.stream().filter(c -> c.code().equalsIgnoreCase(centre.strip())).findFirst().orElse(null);
        model.addAttribute("centres", centres);
        model.addAttribute("centre", chosen);
        model.addAttribute("q", q);
        model.addAttribute("items", chosen == null ? List.of() : applications.onlineItems(chosen.id(), q));
        return "cases/apply-items";
    }

    @GetMapping("/public/apply/{centreCode}/{itemCode}")
    String form(@PathVariable String centreCode, @PathVariable String itemCode, Model model) {
        CentreInfo centre = centre(centreCode);
        model.addAttribute("applicationForm", new ApplicationForm());
        return formView(centre, applications.onlineItem(centre.id(), itemCode), Map.of(), model);
    }

    @PostMapping("/public/apply/{centreCode}/{itemCode}")
    String submit(@PathVariable String centreCode, @PathVariable String itemCode,
            @ModelAttribute ApplicationForm applicationForm, BindingResult result, MultipartHttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) throws IOException {
        CentreInfo centre = centre(centreCode);
        ItemVersion item = applications.onlineItem(centre.id(), itemCode);
        Map<String, ApplicationService.RawUpload> files = new LinkedHashMap<>();
        for (Map.Entry<String, MultipartFile> e : request.getFileMap().entrySet()) {
            if (e.getKey().startsWith("file_") && !e.getValue().isEmpty()) {
                files.put(e.getKey().substring(5), new ApplicationService.RawUpload(e.getValue().getOriginalFilename(),
                        e.getValue().getBytes()));
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formView(centre, item, Map.of(), model);
        }
        try {
            ApplicationService.Submitted s = applications.submit(applicationForm.toData(centre.id(), item.code()), files,
                    request.getRemoteAddr());
            redirect.addFlashAttribute("submitted", s);
            return "redirect:/public/apply/submitted";
        } catch (ApplicationService.TooManySubmissions e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
            model.addAttribute("retryMinutes", Math.max(1, (e.retryAfter().toSeconds() + 59) / 60));
            return formView(centre, item, Map.of(), model);
        } catch (ApplicationService.InvalidApplication e) {
            Map<String, String> fileErrors = new LinkedHashMap<>();
            for (ApplicationService.Problem p : e.problems()) {
                if (p.field().startsWith("file_")) {
                    fileErrors.put(p.field().substring(5), messages.getMessage(p.key(), p.args(), p.key(), locale));
                } else {
                    result.rejectValue(p.field(), p.key(), p.args(), p.key());
                }
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formView(centre, item, fileErrors, model);
        }
    }

    @GetMapping("/public/apply/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("submitted")) {
            return "redirect:/public/apply";
        }
        model.addAttribute("reviewDays", applications.reviewLimitDays());
        return "cases/apply-submitted";
    }

    private String formView(CentreInfo centre, ItemVersion item, Map<String, String> fileErrors, Model model) {
        model.addAttribute("centre", centre);
        model.addAttribute("item", item);
        model.addAttribute("kinds", CaseCommands.ApplicantKind.values());
        model.addAttribute("fileErrors", fileErrors);
        model.addAttribute("maxMegabytes", uploads.maxMegabytes());
        model.addAttribute("maxTotalMegabytes", maxRequestMegabytes);
        model.addAttribute("department", organization.department(item.departmentId()).map(d -> d.name()).orElse(""));
        return "cases/apply-form";
    }

    private CentreInfo centre(String code) {
        return organization.centreByCode(code.strip()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("cases.public.apply.centreNotFound", code));
    }
}
