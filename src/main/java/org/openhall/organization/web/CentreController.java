package org.openhall.organization.web;

import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.OrgAccess;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ORG-1: ADMIN creates centres; the centre office edits its own. */
@Controller
@RequestMapping("/org/centres")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
class CentreController implements ErrorPageOnRefusal {

    private final Centres centres;
    private final OrgAccess access;
    private final Forms forms;

    CentreController(Centres centres, OrgAccess access, Forms forms) {
        this.centres = centres;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("centres", centres.visible());
        model.addAttribute("canCreate", access.canCreateCentre());
        model.addAttribute("access", access);
        return "organization/centres";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        requireCreate();
        CentreForm form = new CentreForm();
        form.setZone(centres.defaultZone());
        model.addAttribute("centreData", form);
        return "organization/centre-form";
    }

    @PostMapping
    String create(@ModelAttribute("centreData") CentreForm form, BindingResult result, RedirectAttributes redirect) {
        requireCreate();
        if (!forms.valid(form.toData(), result)) {
            return "organization/centre-form";
        }
        try {
            centres.create(form.toData());
        } catch (DomainException e) {
            forms.reject(e, result);
            return "organization/centre-form";
        }
        forms.flash(redirect, "org.centre.created", form.getName());
        return "redirect:/org/centres";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Centre c = centres.get(id);
        access.checkManageCentre(id);
        model.addAttribute("centre", c);
        model.addAttribute("centreData", CentreForm.of(c));
        return "organization/centre-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("centreData") CentreForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Centre c = centres.get(id);
        access.checkManageCentre(id);
        model.addAttribute("centre", c);
        form.setCode(c.code());
        if (!forms.valid(form.toData(), result)) {
            return "organization/centre-form";
        }
        try {
            centres.update(id, form.toData(), form.isActive());
        } catch (DomainException e) {
            forms.reject(e, result);
            return "organization/centre-form";
        }
        forms.flash(redirect, "org.centre.saved", form.getName());
        return "redirect:/org/centres";
    }

    private void requireCreate() {
        if (!access.canCreateCentre()) {
            throw new AccessDeniedException("only ADMIN creates centres");
        }
    }
}
