package org.openhall.cases.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.NoticeSettings;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CASE-2a: the centre office uploads the seal (印章) printed on the centre's written notices — a PNG with a
 * transparent background — and sets the issuing agency's name and the contact phone. ADMIN picks the centre with
 * {@code ?centre=}. A notice already issued keeps the seal it was issued with.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
class SealController implements ErrorPageOnRefusal {

    private final NoticeSettings settings;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final PageMessages pages;

    SealController(NoticeSettings settings, OrganizationApi org, CurrentUsers users, PageMessages pages) {
        this.settings = settings;
        this.org = org;
        this.users = users;
        this.pages = pages;
    }

    private CentreInfo centre(@Nullable Long requested) {
        CurrentUser u = users.require();
        Long id = requested != null ? requested : u.centreId();
        if (id == null) {
            id = org.centres().stream().findFirst().map(CentreInfo::id)
                    .orElseThrow(() -> DomainException.notFound("cases.centre.notFound", "-"));
        }
        long centreId = id;
        if (!u.canSeeCentre(centreId)) {
            throw DomainException.notFound("cases.centre.notFound", centreId);
        }
        return org.centre(centreId).orElseThrow(() -> DomainException.notFound("cases.centre.notFound", centreId));
    }

    @GetMapping("/cases/settings/seal")
    String page(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(centre);
        var current = settings.forEditing(c.id());
        model.addAttribute("centre", c);
        model.addAttribute("centres", users.require().centreId() == null ? org.centres() : java.util.List.of(c));
        model.addAttribute("agencyName", current.map(NoticeSettings.Settings::agencyName).orElse(null));
        model.addAttribute("phone", current.map(NoticeSettings.Settings::phone).orElse(null));
        model.addAttribute("hasSeal", current.map(NoticeSettings.Settings::hasSeal).orElse(false));
        return "cases/seal";
    }

    @PostMapping("/cases/settings/seal")
    String save(@RequestParam long centre, @RequestParam(required = false) @Nullable String agencyName,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable MultipartFile seal,
            @RequestParam(defaultValue = "false") boolean removeSeal, Model model, RedirectAttributes redirect)
            throws IOException {
        CentreInfo c = centre(centre);
        try {
            settings.save(c.id(), agencyName, phone, seal == null || seal.isEmpty() ? null : seal.getBytes(), removeSeal);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            var current = settings.forEditing(c.id());
            model.addAttribute("centre", c);
            model.addAttribute("centres", users.require().centreId() == null ? org.centres() : java.util.List.of(c));
            model.addAttribute("agencyName", agencyName);
            model.addAttribute("phone", phone);
            model.addAttribute("hasSeal", current.map(NoticeSettings.Settings::hasSeal).orElse(false));
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", pages.text(e));
            return "cases/seal";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cases/settings/seal?centre=" + c.id();
    }

    /** The current seal image, for the preview on the settings page. */
    @GetMapping("/cases/settings/seal.png")
    ResponseEntity<byte[]> image(@RequestParam(required = false) @Nullable Long centre) {
        CentreInfo c = centre(centre);
        byte[] png = settings.forEditing(c.id()).map(NoticeSettings.Settings::seal)
                .orElseThrow(() -> DomainException.notFound("cases.seal.none"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }
}
