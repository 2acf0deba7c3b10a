package org.openhall.catalog.web;

import java.util.List;
import java.util.Optional;
import org.openhall.catalog.internal.CatalogService;
import org.openhall.catalog.internal.StoredVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;

/** Resolves centres by code and builds {@link Guide}s for pages, PDFs and the API. */
@Component
class Guides {

    private final OrganizationApi org;
    private final CatalogService catalog;

    Guides(OrganizationApi org, CatalogService catalog) {
        this.org = org;
        this.catalog = catalog;
    }

    /** An active centre by code, or 404. */
    CentreInfo centre(String code) {
        return org.centreByCode(code.strip()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("catalog.centre.notFound", code));
    }

    CentreInfo centre(long id) {
        return org.centre(id).orElseThrow(() -> DomainException.notFound("catalog.centre.notFound", id));
    }

    /** The active centres of the installation. */
    List<CentreInfo> centres() {
        return org.centres();
    }

    List<DepartmentInfo> departments(long centreId) {
        return org.departments(centreId);
    }

    List<WindowInfo> windows(long centreId) {
        return org.windows(centreId);
    }

    /** The name of a department, active or not; empty when unknown. */
    String departmentName(long id) {
        return org.department(id).map(DepartmentInfo::name).orElse("");
    }

    /** The department of a centre by code or by id, active or not. */
    Optional<DepartmentInfo> department(long centreId, String codeOrId) {
        String s = codeOrId.strip();
        Optional<DepartmentInfo> byCode = org.departments(centreId).stream().filter(d -> d.code().equals(s)).findFirst();
        if (byCode.isPresent() || !s.matches("\\d{1,18}")) {
            return byCode;
        }
        return org.department(Long.parseLong(s)).filter(d -> d.centreId() == centreId);
    }

    Guide guide(StoredVersion v) {
        return guide(v, centre(v.centreId()));
    }

    Guide guide(StoredVersion v, CentreInfo centre) {
        return new Lookup().guide(v, centre);
    }

    /** Guides of many versions with each department and window looked up once. */
    List<Guide> guides(List<StoredVersion> versions, CentreInfo centre) {
        Lookup lookup = new Lookup();
        return versions.stream().map(v -> lookup.guide(v, centre)).toList();
    }

    private final class Lookup {

        private final java.util.Map<Long, Guide.Dept> departments = new java.util.HashMap<>();
        private final java.util.Map<Long, Optional<Guide.Win>> windows = new java.util.HashMap<>();

        Guide guide(StoredVersion v, CentreInfo centre) {
            var d = v.data();
            List<Guide.Assist> assisting = d.assisting().stream().map(a -> {
                Guide.Dept x = dept(a.departmentId());
                return new Guide.Assist(x.id(), x.code(), x.name(), a.limitDays());
            }).toList();
            List<Guide.Win> wins = d.windowIds().stream().map(this::window).flatMap(Optional::stream).toList();
            return new Guide(v, centre, dept(d.departmentId()), assisting, wins);
        }

        private Guide.Dept dept(long id) {
            return departments.computeIfAbsent(id, k -> org.department(k).map(x -> new Guide.Dept(x.id(), x.code(), x.name()))
                    .orElse(new Guide.Dept(k, "", "")));
        }

        private Optional<Guide.Win> window(long id) {
            return windows.computeIfAbsent(id, k -> org.window(k).filter(WindowInfo::active)
                    .map(w -> new Guide.Win(w.id(), w.number(), w.name(), w.location())));
        }
    }

    /** The current version of an item of the centre, active or not, or 404. */
    StoredVersion current(CentreInfo centre, String code) {
        return catalog.current(centre.id(), code)
                .orElseThrow(() -> DomainException.notFound("catalog.item.notFound", code));
    }

    /** The current version of an active item, or 404 (the public pages). */
    StoredVersion currentActive(CentreInfo centre, String code) {
        return catalog.current(centre.id(), code).filter(StoredVersion::active)
                .orElseThrow(() -> DomainException.notFound("catalog.item.notFound", code));
    }
}
