package org.openhall.organization.web;

import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Staff;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 办事公开制 (ORG-2, SEC-1): without login, the staff who agreed to a public profile — name, position,
 * duties and photo; never an ID number or a phone number.
 */
@Controller
class PublicStaffController implements ErrorPageOnRefusal {

    private final Centres centres;
    private final StaffRegistry staff;

    PublicStaffController(Centres centres, StaffRegistry staff) {
        this.centres = centres;
        this.staff = staff;
    }

    /** Only what the public may see. */
    record PublicProfile(long id, String name, String position, String duties, boolean hasPhoto) {
    }

    @GetMapping("/public/centres/{code}/staff")
    String profiles(@PathVariable String code, Model model) {
        Centre c = centre(code);
        model.addAttribute("centre", c);
        model.addAttribute("profiles", staff.publicProfiles(c.id()).stream()
                .map(s -> new PublicProfile(s.id(), s.name(), s.position() == null ? "" : s.position(),
                        s.duties() == null ? "" : s.duties(), s.hasPhoto()))
                .toList());
        return "organization/public-staff";
    }

    @GetMapping("/public/centres/{code}/staff/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable long id) {
        Centre c = centre(code);
        Staff s = staff.find(id).filter(x -> x.centreId() == c.id() && x.active() && x.publicProfile())
                .orElseThrow(() -> DomainException.notFound("org.staff.notFound", id));
        return staff.photo(s).map(StaffController::image).orElse(ResponseEntity.notFound().build());
    }

    private Centre centre(String code) {
        return centres.findByCode(code).filter(Centre::active)
                .orElseThrow(() -> DomainException.notFound("org.centre.notFound", code));
    }
}
