package org.openhall.catalog.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.catalog.internal.CatalogAccess;
import org.openhall.catalog.internal.CatalogService;
import org.openhall.catalog.internal.StoredVersion;
import org.openhall.catalog.internal.Violation;
import org.openhall.organization.CentreInfo;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.beans.BeanUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue for staff (CAT-1, CAT-3): everyone of the centre searches and reads the items and their
 * versions; ADMIN and the centre office create items, revise them into new versions, upload sample forms and
 * deactivate items. Bad input is shown next to its field and changes nothing.
 */
@Controller
@RequestMapping("/catalog")
class CatalogController implements ErrorPageOnRefusal {

    private final CatalogService catalog;
    private final CatalogAccess access;
    private final Guides guides;
    private final PageMessages messages;

    CatalogController(CatalogService catalog, CatalogAccess access, Guides guides, PageMessages messages) {
        this.catalog = catalog;
        this.access = access;
        this.guides = guides;
        this.messages = messages;
    }

    @ModelAttribute("types")
    ItemType[] types() {
        return ItemType.values();
    }

    @ModelAttribute("requirements")
    MaterialRequirement[] requirements() {
        return MaterialRequirement.values();
    }

    /** The centre a page shows: an ADMIN picks one ({@code ?centre=ID}), everyone else sees their own. */
    CentreInfo centre(@Nullable Long requested, Model model) {
        CurrentUser u = access.user().orElseThrow(() -> new AccessDeniedException("no signed-in user"));
        Long id = requested != null ? requested : u.centreId();
        if (id == null) {
            id = guides.centres().stream().findFirst().map(CentreInfo::id)
                    .orElseThrow(() -> DomainException.notFound("catalog.centre.notFound", "-"));
        }
        access.checkSee(id);
        CentreInfo c = guides.centre(id);
        model.addAttribute("centre", c);
        model.addAttribute("centreChoices", u.hasRole(Role.ADMIN) ? guides.centres() : List.of());
        return c;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long department, @RequestParam(required = false) @Nullable ItemType type,
            @RequestParam(required = false) @Nullable Boolean online,
            @RequestParam(required = false) @Nullable Boolean appointment,
            @RequestParam(required = false) @Nullable Boolean greenChannel,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        CentreInfo c = centre(centre, model);
        var filter = new CatalogService.Filter(q, department, type, online, appointment, greenChannel, inactive);
        model.addAttribute("departments", guides.departments(c.id()));
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("type", type);
        model.addAttribute("online", online);
        model.addAttribute("appointment", appointment);
        model.addAttribute("greenChannel", greenChannel);
        model.addAttribute("inactive", inactive);
        model.addAttribute("items", guides.guides(catalog.search(c.id(), filter), c));
        model.addAttribute("canManage", access.canManage(c.id()));
        return htmx != null ? "catalog/list :: results" : "catalog/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(centre, model);
        access.checkManage(c.id());
        model.addAttribute("item", ItemForm.blank());
        return formView(c, null, model);
    }

    @PostMapping
    String create(@RequestParam long centreId, @ModelAttribute("item") ItemForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CentreInfo c = guides.centre(centreId);
        access.checkManage(c.id());
        form.compact();
        ItemData data = form.toData(c.id(), null);
        if (!check(form, data, result)) {
            return formView(c, null, model);
        }
        try {
            StoredVersion saved = catalog.create(data, form.getChangeNote());
            redirect.addFlashAttribute("flash", messages.text("catalog.flash.created", saved.name()));
            return "redirect:/catalog/items/" + saved.itemId();
        } catch (DomainException e) {
            reject(result, e.field(), e.messageKey(), e.args());
            return formView(c, null, model);
        }
    }

    @GetMapping("/items/{id}")
    String detail(@PathVariable long id, Model model) {
        StoredVersion current = catalog.currentOfItem(id);
        CentreInfo c = guides.centre(current.centreId());
        List<StoredVersion> history = catalog.history(id);
        List<VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StoredVersion v = history.get(i);
            List<String> changes = i + 1 < history.size()
                    ? VersionDiff.between(history.get(i + 1).data(), v.data(), this::departmentName, this::label).stream()
                            .map(ch -> messages.text(ch.key(), ch.args())).toList()
                    : List.of(messages.text("catalog.diff.first"));
            rows.add(new VersionRow(v, changes));
        }
        model.addAttribute("centre", c);
        model.addAttribute("g", guides.guide(current, c));
        model.addAttribute("versions", rows);
        model.addAttribute("canManage", access.canManage(c.id()));
        return "catalog/detail";
    }

    /** A version in the history with what changed from the one before. */
    public record VersionRow(StoredVersion version, List<String> changes) {
    }

    private String departmentName(long id) {
        return guides.departmentName(id);
    }

    private String label(Enum<?> e) {
        return messages.text("catalog.type." + e.name());
    }

    @GetMapping("/items/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        StoredVersion current = catalog.currentOfItem(id);
        access.checkManage(current.centreId());
        CentreInfo c = guides.centre(current.centreId());
        model.addAttribute("centre", c);
        model.addAttribute("item", ItemForm.of(current.data()));
        return formView(c, current, model);
    }

    @PostMapping("/items/{id}")
    String revise(@PathVariable long id, @ModelAttribute("item") ItemForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        StoredVersion current = catalog.currentOfItem(id);
        access.checkManage(current.centreId());
        CentreInfo c = guides.centre(current.centreId());
        model.addAttribute("centre", c);
        form.compact();
        form.setCode(current.code());
        ItemData data = form.toData(c.id(), current.code());
        boolean valid = check(form, data, result);
        if (form.getChangeNote() != null && form.getChangeNote().length() > 500) {
            result.rejectValue("changeNote", "catalog.item.tooLong", new Object[] {500}, null);
            valid = false;
        }
        if (!valid) {
            return formView(c, current, model);
        }
        try {
            StoredVersion saved = catalog.revise(id, data, form.getChangeNote());
            redirect.addFlashAttribute("flash", messages.text("catalog.flash.revised", saved.name(), saved.version()));
            return "redirect:/catalog/items/" + id;
        } catch (DomainException e) {
            reject(result, e.field(), e.messageKey(), e.args());
            return formView(c, current, model);
        }
    }

    @PostMapping("/items/{id}/samples")
    String uploadSample(@PathVariable long id, @RequestParam String materialCode,
            @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) throws IOException {
        StoredVersion current = catalog.currentOfItem(id);
        access.checkManage(current.centreId());
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.text("catalog.sample.empty"));
            return "redirect:/catalog/items/" + id;
        }
        try {
            String name = file.getOriginalFilename() == null ? "sample" : file.getOriginalFilename();
            catalog.uploadSample(id, materialCode, name, file.getBytes());
            redirect.addFlashAttribute("flash", messages.text("catalog.flash.sampleUploaded", materialCode));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/catalog/items/" + id;
    }

    @PostMapping("/items/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        StoredVersion current = catalog.currentOfItem(id);
        try {
            catalog.deactivate(id);
            redirect.addFlashAttribute("flash", messages.text("catalog.flash.deactivated", current.name()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/catalog/items/" + id;
    }

    @PostMapping("/items/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        StoredVersion current = catalog.currentOfItem(id);
        try {
            catalog.reactivate(id);
            redirect.addFlashAttribute("flash", messages.text("catalog.flash.reactivated", current.name()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/catalog/items/" + id;
    }

    private String formView(CentreInfo c, @Nullable StoredVersion current, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("current", current);
        model.addAttribute("departments", guides.departments(c.id()));
        model.addAttribute("windows", guides.windows(c.id()));
        return "catalog/form";
    }

    /** Checks the form: what the binder refused, missing limits, malformed amounts, then every rule of the item. */
    private boolean check(ItemForm form, ItemData data, BindingResult result) {
        if (form.getStatutoryLimitDays() == null && !result.hasFieldErrors("statutoryLimitDays")) {
            result.rejectValue("statutoryLimitDays", "catalog.item.statutory.missing");
        }
        if (form.getCommittedLimitDays() == null && !result.hasFieldErrors("committedLimitDays")) {
            result.rejectValue("committedLimitDays", "catalog.item.committed.missing");
        }
        for (int i = 0; i < form.getFees().size(); i++) {
            String amount = form.getFees().get(i).getAmount();
            if (amount != null && ItemForm.amount(amount) == null) {
                result.rejectValue("fees[" + i + "].amount", "catalog.item.fee.amount.format");
            }
        }
        for (Violation v : catalog.violations(data)) {
            String field = v.field();
            if (result.hasFieldErrors(formField(field))) {
                continue;
            }
            if ((field.equals("statutoryLimitDays") && form.getStatutoryLimitDays() == null)
                    || (field.equals("committedLimitDays") && form.getCommittedLimitDays() == null)) {
                continue;
            }
            reject(result, field, v.key(), v.args());
        }
        return !result.hasErrors();
    }

    private static String formField(String field) {
        if (field.startsWith("windowIds[")) {
            return "windowIds";
        }
        if (field.startsWith("steps[")) {
            return "steps";
        }
        return field;
    }

    private static void reject(BindingResult result, @Nullable String field, String key, Object[] args) {
        if (field == null) {
            result.reject(key, args, key);
            return;
        }
        String f = formField(field);
        Object target = result.getTarget();
        String root = f.contains("[") ? f.substring(0, f.indexOf('[')) : f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
        if (target != null && BeanUtils.getPropertyDescriptor(target.getClass(), root) != null) {
            result.rejectValue(f, key, args, key);
        } else {
            result.reject(key, args, key);
        }
    }
}
