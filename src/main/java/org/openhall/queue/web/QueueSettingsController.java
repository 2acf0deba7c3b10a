package org.openhall.queue.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.openhall.shared.qr.QrCodes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Queue settings of a centre (排队设置, Q-1, Q-2, Q-10) for ADMIN and the centre office: the queue services (create,
 * edit), which windows call which service (own line or only qualified, Q-10), and the hall devices (issue a token —
 * shown once, with the page address and its QR code — and revoke). The services and the devices record every change in
 * the audit trail; bad input is shown next to its field and changes nothing.
 */
@Controller
@RequestMapping("/queue/settings")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
class QueueSettingsController {

    private final QueueServices services;
    private final ObjectProvider<Devices> deviceProvider;
    private final OrganizationApi organization;
    private final CurrentUsers users;
    private final PageMessages messages;
    private final String publicUrl;

    QueueSettingsController(QueueServices services, ObjectProvider<Devices> devices, OrganizationApi organization, CurrentUsers users,
            PageMessages messages, @Value("${openhall.public-url:http://localhost:8080}") String publicUrl) {
        this.services = services;
        this.deviceProvider = devices;
        this.organization = organization;
        this.users = users;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping
    String settings(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(centre);
        overview(c, model);
        if (!model.containsAttribute("deviceForm")) {
            model.addAttribute("deviceForm", new DeviceForm());
        }
        return "queue/settings";
    }

    // ---- services ----------------------------------------------------------------------------------------------

    @GetMapping("/services/new")
    String newService(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(centre);
        model.addAttribute("centre", c);
        model.addAttribute("serviceForm", new ServiceForm());
        return "queue/settings-service";
    }

    @PostMapping("/services")
    String create(@RequestParam(required = false) @Nullable Long centre, @ModelAttribute("serviceForm") ServiceForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        CentreInfo c = centre(centre);
        model.addAttribute("centre", c);
        if (binding.hasErrors()) {
            return "queue/settings-service";
        }
        try {
            QueueServices.ServiceView saved = services.create(form.data(c.id()));
            redirect.addFlashAttribute("flash", messages.text("queue.pages.settings.service.created", saved.name()));
            return "redirect:/queue/settings?centre=" + c.id();
        } catch (DomainException e) {
            reject(binding, e);
            return "queue/settings-service";
        }
    }

    @GetMapping("/services/{id}")
    String editService(@PathVariable long id, Model model) {
        QueueServices.ServiceView s = service(id);
        model.addAttribute("centre", centre(s.centreId()));
        model.addAttribute("service", s);
        model.addAttribute("serviceForm", ServiceForm.of(s));
        return "queue/settings-service";
    }

    @PostMapping("/services/{id}")
    String update(@PathVariable long id, @ModelAttribute("serviceForm") ServiceForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        QueueServices.ServiceView s = service(id);
        CentreInfo c = centre(s.centreId());
        model.addAttribute("centre", c);
        model.addAttribute("service", s);
        if (binding.hasErrors()) {
            return "queue/settings-service";
        }
        String reason = form.getReason() == null ? "" : form.getReason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            binding.rejectValue("reason", "queue.pages.settings.reasonRequired", new Object[] {200}, null);
            return "queue/settings-service";
        }
        try {
            QueueServices.ServiceView saved = services.update(id, form.data(c.id()), reason);
            redirect.addFlashAttribute("flash", messages.text("queue.pages.settings.service.updated", saved.name()));
            return "redirect:/queue/settings?centre=" + c.id();
        } catch (DomainException e) {
            reject(binding, e);
            return "queue/settings-service";
        }
    }

    // ---- windows ↔ services --------------------------------------------------------------------------------------

    @GetMapping("/windows/{windowId}")
    String windowServices(@PathVariable long windowId, Model model) {
        WindowInfo w = window(windowId);
        CentreInfo c = centre(w.centreId());
        model.addAttribute("centre", c);
        model.addAttribute("window", w);
        model.addAttribute("services", services.services(c.id()));
        model.addAttribute("roles", roles(windowId));
        return "queue/settings-window";
    }

    /** Each service: {@code ROLE_<id>} = OWN, QUALIFIED or NONE. */
    @PostMapping("/windows/{windowId}")
    String assign(@PathVariable long windowId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        WindowInfo w = window(windowId);
        CentreInfo c = centre(w.centreId());
        List<Long> own = new ArrayList<>();
        List<Long> qualified = new ArrayList<>();
        Set<Long> known = services.services(c.id()).stream().map(QueueServices.ServiceView::id).collect(Collectors.toSet());
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith("role_")) {
                continue;
            }
            long serviceId;
            try {
                serviceId = Long.parseLong(e.getKey().substring(5));
            } catch (NumberFormatException ex) {
                continue;
            }
            if (!known.contains(serviceId)) {
                continue;
            }
            switch (e.getValue()) {
                case "OWN" -> own.add(serviceId);
                case "QUALIFIED" -> qualified.add(serviceId);
                default -> { }
            }
        }
        try {
            services.assign(windowId, own, qualified);
            redirect.addFlashAttribute("flash", messages.text("queue.pages.settings.window.assigned", w.number()));
            return "redirect:/queue/settings?centre=" + c.id();
        } catch (DomainException e) {
            model.addAttribute("centre", c);
            model.addAttribute("window", w);
            model.addAttribute("services", services.services(c.id()));
            model.addAttribute("roles", roles(windowId));
            model.addAttribute("error", messages.text(e));
            return "queue/settings-window";
        }
    }

    // ---- devices -----------------------------------------------------------------------------------------------

    @PostMapping("/devices")
    String issue(@RequestParam(required = false) @Nullable Long centre, @ModelAttribute("deviceForm") DeviceForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        CentreInfo c = centre(centre);
        String name = form.getName() == null ? "" : form.getName().strip();
        if (form.getKind() == null) {
            binding.rejectValue("kind", "queue.pages.settings.device.kindRequired");
        }
        if (name.isEmpty() || name.length() > 100) {
            binding.rejectValue("name", "queue.pages.settings.device.nameRequired", new Object[] {100}, null);
        }
        boolean needsWindow = form.getKind() == DeviceKind.RATING_PAD || form.getKind() == DeviceKind.WINDOW_DISPLAY;
        if (needsWindow && form.getWindowId() == null) {
            binding.rejectValue("windowId", "queue.pages.settings.device.windowRequired");
        }
        if (form.getWindowId() != null && organization.window(form.getWindowId())
                .filter(w -> w.centreId() == c.id()).isEmpty()) {
            binding.rejectValue("windowId", "queue.pages.settings.device.windowRequired");
        }
        if (binding.hasErrors()) {
            overview(c, model);
            return "queue/settings";
        }
        try {
            Devices.IssuedDevice issued = devices().issue(c.id(), form.getKind(), name,
                    needsWindow ? form.getWindowId() : null);
            String url = publicUrl + pagePath(issued.device().kind(), issued.token());
            redirect.addFlashAttribute("issuedDevice", issued.device());
            redirect.addFlashAttribute("issuedUrl", url);
            redirect.addFlashAttribute("issuedToken", issued.token());
            redirect.addFlashAttribute("issuedQr",
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(url, 220)));
            return "redirect:/queue/settings/devices/issued?centre=" + c.id();
        } catch (DomainException e) {
            overview(c, model);
            model.addAttribute("deviceError", messages.text(e));
            return "queue/settings";
        }
    }

    /** The token of a device just issued, shown this once (a flash attribute; a reload shows the settings). */
    @GetMapping("/devices/issued")
    String issued(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(centre);
        if (!model.containsAttribute("issuedToken")) {
            return "redirect:/queue/settings?centre=" + c.id();
        }
        model.addAttribute("centre", c);
        return "queue/settings-device-issued";
    }

    @PostMapping("/devices/{deviceId}/revoke")
    String revoke(@PathVariable long deviceId, @RequestParam(required = false) @Nullable Long centre,
            RedirectAttributes redirect) {
        CentreInfo c = centre(centre);
        Devices.DeviceView d = devices().devices(c.id()).stream().filter(x -> x.id() == deviceId).findFirst()
                .orElseThrow(() -> DomainException.notFound("queue.pages.settings.device.unknown"));
        try {
            devices().revoke(deviceId);
            redirect.addFlashAttribute("flash", messages.text("queue.pages.settings.device.revoked", d.name()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/queue/settings?centre=" + c.id();
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
    String refused(DomainException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(e.httpStatus());
        model.addAttribute("status", e.httpStatus());
        return "error";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Devices devices() {
        Devices d = deviceProvider.getIfAvailable();
        if (d == null) {
            throw DomainException.unprocessable("queue.pages.settings.device.unavailable");
        }
        return d;
    }

    /** The path of a device's page; the displays' pages are served by the live module. */
    static String pagePath(DeviceKind kind, String token) {
        return "/devices/" + token + switch (kind) {
            case KIOSK -> "/kiosk";
            case RATING_PAD -> "/rating";
            case HALL_DISPLAY -> "/hall";
            case WINDOW_DISPLAY -> "/window";
        };
    }

    private void overview(CentreInfo c, Model model) {
        ZoneId zone = c.zone();
        model.addAttribute("centre", c);
        model.addAttribute("centres", users.require().centreId() == null ? organization.centres() : List.of());
        List<QueueServices.ServiceView> all = services.services(c.id());
        model.addAttribute("services", all);
        Map<Long, String> names = new HashMap<>();
        all.forEach(s -> names.put(s.id(), s.prefix() + " " + s.name()));
        List<WindowRow> rows = new ArrayList<>();
        for (WindowInfo w : organization.windows(c.id())) {
            List<String> own = services.servicesOfWindow(w.id(), true).stream().map(s -> s.prefix() + " " + s.name()).toList();
            List<String> any = services.servicesOfWindow(w.id(), false).stream().map(s -> s.prefix() + " " + s.name()).toList();
            rows.add(new WindowRow(w, own, any.stream().filter(x -> !own.contains(x)).toList()));
        }
        model.addAttribute("windows", rows);
        Map<Long, String> windowNumbers = new HashMap<>();
        organization.windows(c.id()).forEach(w -> windowNumbers.put(w.id(), w.number()));
        model.addAttribute("windowNumbers", windowNumbers);
        Devices d0 = deviceProvider.getIfAvailable();
        model.addAttribute("devices", (d0 == null ? List.<Devices.DeviceView>of() : d0.devices(c.id())).stream()
                .map(d -> new DeviceRow(d, d.windowId() == null ? null : windowNumbers.get(d.windowId()),
                        LocalDateTime.ofInstant(d.createdAt(), zone),
                        d.lastSeenAt() == null ? null : LocalDateTime.ofInstant(d.lastSeenAt(), zone),
                        d.revokedAt() == null ? null : LocalDateTime.ofInstant(d.revokedAt(), zone)))
                .toList());
        model.addAttribute("kinds", DeviceKind.values());
    }

    private Map<Long, String> roles(long windowId) {
        Map<Long, String> roles = new HashMap<>();
        services.servicesOfWindow(windowId, false).forEach(s -> roles.put(s.id(), "QUALIFIED"));
        services.servicesOfWindow(windowId, true).forEach(s -> roles.put(s.id(), "OWN"));
        return roles;
    }

    private void reject(BindingResult binding, DomainException e) {
        String field = e.field();
        if (field != null && org.springframework.beans.BeanUtils.getPropertyDescriptor(ServiceForm.class, field) != null) {
            binding.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        } else {
            binding.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    /** The centre the page is about: an ADMIN chooses ({@code ?centre=}), the centre office has its own. */
    private CentreInfo centre(@Nullable Long requested) {
        CurrentUser u = users.require();
        Long id = requested != null ? requested : u.centreId();
        if (id == null) {
            id = organization.centres().stream().findFirst().map(CentreInfo::id)
                    .orElseThrow(() -> DomainException.notFound("queue.pages.centre.unknown"));
        }
        if (!u.canSeeCentre(id)) {
            throw DomainException.forbidden("queue.pages.settings.notYourCentre");
        }
        return organization.centre(id).orElseThrow(() -> DomainException.notFound("queue.pages.centre.unknown"));
    }

    private QueueServices.ServiceView service(long id) {
        QueueServices.ServiceView s = services.service(id)
                .orElseThrow(() -> DomainException.notFound("queue.pages.service.unknown"));
        centre(s.centreId());
        return s;
    }

    private WindowInfo window(long id) {
        WindowInfo w = organization.window(id).orElseThrow(() -> DomainException.notFound("queue.pages.window.unknown"));
        centre(w.centreId());
        return w;
    }

    public record WindowRow(WindowInfo window, List<String> own, List<String> qualified) {
    }

    public record DeviceRow(Devices.DeviceView device, @Nullable String windowNumber, LocalDateTime createdAt,
            @Nullable LocalDateTime lastSeenAt, @Nullable LocalDateTime revokedAt) {
    }

    /** Issuing a device. */
    public static class DeviceForm {
        private @Nullable DeviceKind kind;
        private @Nullable String name;
        private @Nullable Long windowId;

        public @Nullable DeviceKind getKind() {
            return kind;
        }

        public void setKind(@Nullable DeviceKind kind) {
            this.kind = kind;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable Long getWindowId() {
            return windowId;
        }

        public void setWindowId(@Nullable Long windowId) {
            this.windowId = windowId;
        }
    }
}
