package org.openhall.organization.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.OrgAccess;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The centre a list page shows: an ADMIN picks one ({@code ?centre=ID}, a selector appears when there
 * are several), everyone else sees their own.
 */
@Component
class CentreContext {

    private final Centres centres;
    private final OrgAccess access;

    CentreContext(Centres centres, OrgAccess access) {
        this.centres = centres;
        this.access = access;
    }

    Centre resolve(@Nullable Long requested, Model model) {
        Centre c = centres.current(requested);
        model.addAttribute("centre", c);
        model.addAttribute("centreChoices", access.isAdmin() ? centres.visible() : java.util.List.of());
        return c;
    }
}
