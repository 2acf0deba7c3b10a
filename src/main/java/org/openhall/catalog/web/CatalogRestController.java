package org.openhall.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.internal.CatalogAccess;
import org.openhall.catalog.internal.CatalogService;
import org.openhall.catalog.internal.StoredVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue over REST (CAT-1..3). Reading is public (办事公开制: no login, no personal data);
 * creating and revising items needs HTTP Basic as ADMIN or the centre office of the item's centre. Departments are
 * named by code and windows by number. Errors are RFC 9457 problem details: 400 with {@code errors[]} for bad data,
 * 403 outside the role or centre, 404 unknown centre or item, 409 a code already taken; nothing is written on any
 * error.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "Service catalogue (事项目录) and guides (办事指南)")
class CatalogRestController {

    private final CatalogService catalog;
    private final Guides guides;
    private final CatalogAccess access;

    CatalogRestController(CatalogService catalog, Guides guides, CatalogAccess access) {
        this.catalog = catalog;
        this.guides = guides;
        this.access = access;
    }

    // ------------------------------------------------------------------ views

    record DepartmentRef(long id, String code, String name) {
    }

    record AssistingView(long departmentId, String code, String name, int limitDays) {
    }

    record WindowRef(long id, String number, String name, @Nullable String location) {
    }

    record MaterialView(String code, String name, MaterialRequirement requirement, @Nullable String form, int copies,
            @Nullable String notes, @Nullable String sampleFile, @Nullable String sampleUrl) {
    }

    record FeeView(String code, String name, BigDecimal amount, @Nullable String basis) {
    }

    /** A summary in the catalogue list. */
    record ItemSummary(long itemId, long versionId, int version, String code, String name, ItemType type,
            DepartmentRef department, int statutoryLimitDays, int committedLimitDays, boolean online, boolean appointment,
            boolean greenChannel, boolean free, String guideUrl) {

        static ItemSummary of(Guide g) {
            var d = g.data();
            return new ItemSummary(g.item().itemId(), g.item().versionId(), g.item().version(), d.code(), d.name(),
                    d.type(), new DepartmentRef(g.department().id(), g.department().code(), g.department().name()),
                    d.statutoryLimitDays(), d.committedLimitDays(), d.online(), d.appointment(), d.greenChannel(),
                    g.free(), CatalogRestController.guideUrl(g));
        }
    }

    /** One version of an item in full: the content of its guide. */
    record ItemView(long itemId, long versionId, int version, boolean current, boolean active, String centre,
            String code, String name, ItemType type, DepartmentRef department, List<AssistingView> assisting,
            List<WindowRef> windows, @Nullable String legalBasis, @Nullable String conditions, @Nullable String outcome,
            @Nullable String consultPhone, List<String> steps, int statutoryLimitDays, int committedLimitDays,
            @Nullable Integer expeditedLimitDays, boolean reviewRequired, List<MaterialView> materials,
            List<FeeView> fees, boolean online, boolean appointment, boolean greenChannel, String guideUrl) {

        static ItemView of(Guide g) {
            var v = g.item();
            var d = g.data();
            return new ItemView(v.itemId(), v.versionId(), v.version(), v.current(), v.active(), g.centre().code(),
                    d.code(), d.name(), d.type(),
                    new DepartmentRef(g.department().id(), g.department().code(), g.department().name()),
                    g.assisting().stream().map(a -> new AssistingView(a.departmentId(), a.code(), a.name(), a.limitDays()))
                            .toList(),
                    g.windows().stream().map(w -> new WindowRef(w.id(), w.number(), w.name(), w.location())).toList(),
                    d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(), d.statutoryLimitDays(),
                    d.committedLimitDays(), d.expeditedLimitDays(), d.reviewRequired(),
                    d.materials().stream().map(m -> {
                        Long sample = g.sampleFileId(m);
                        return new MaterialView(m.code(), m.name(), m.requirement(), m.form(), m.copies(), m.notes(),
                                m.sampleFile(), sample == null ? null : "/public/catalog/samples/" + sample);
                    }).toList(),
                    d.fees().stream().map(f -> new FeeView(f.code(), f.name(), f.amount(), f.basis())).toList(),
                    d.online(), d.appointment(), d.greenChannel(), CatalogRestController.guideUrl(g));
        }
    }

    /** A version in the history of an item. */
    record VersionSummary(long versionId, int version, boolean current, String name, String createdAt,
            @Nullable String changeNote) {
    }

    static String guideUrl(Guide g) {
        return "/public/centres/" + g.centre().code() + "/catalog/" + g.data().code();
    }

    // ------------------------------------------------------------------ requests

    record AssistingRequest(@Nullable String department, @Nullable Integer limitDays) {
    }

    record MaterialRequest(@Nullable String code, @Nullable String name, @Nullable MaterialRequirement requirement,
            @Nullable String form, @Nullable Integer copies, @Nullable String notes) {
    }

    record FeeRequest(@Nullable String code, @Nullable String name, @Nullable BigDecimal amount, @Nullable String basis) {
    }

    /**
     * An item version to save. {@code centre} is the centre code (default: the caller's own centre),
     * {@code department} and {@code assisting[].department} are department codes, {@code windows} window numbers.
     */
    record ItemRequest(@Nullable String centre, @Nullable String code, @Nullable String name, @Nullable String department,
            @Nullable List<AssistingRequest> assisting, @Nullable List<String> windows, @Nullable ItemType type,
            @Nullable String legalBasis, @Nullable String conditions, @Nullable String outcome,
            @Nullable String consultPhone, @Nullable List<String> steps, @Nullable Integer statutoryLimitDays,
            @Nullable Integer committedLimitDays, @Nullable Integer expeditedLimitDays, @Nullable Boolean reviewRequired,
            @Nullable List<FeeRequest> fees, @Nullable List<MaterialRequest> materials, @Nullable Boolean online,
            @Nullable Boolean appointment, @Nullable Boolean greenChannel, @Nullable String changeNote) {
    }

    // ------------------------------------------------------------------ endpoints

    @GetMapping("/items")
    @Operation(summary = "The public catalogue of a centre (CAT-2): current versions of the active items",
            description = "No login. Filters: `q` (words of the name or the item code), `department` (code or id, lead or "
                    + "assisting), `type`. 404 unknown centre.")
    List<ItemSummary> items(@Parameter(description = "centre code", example = "QX-SSC") @RequestParam String centre,
            @Parameter(description = "words of the name or the code") @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "department code or id") @RequestParam(required = false) @Nullable String department,
            @Parameter(description = "item type") @RequestParam(required = false) @Nullable ItemType type) {
        CentreInfo c = guides.centre(centre);
        Long dept = null;
        if (department != null && !department.isBlank()) {
            dept = guides.department(c.id(), department).map(DepartmentInfo::id)
                    .orElseThrow(() -> DomainException.notFound("catalog.department.notFound", department));
        }
        var filter = new CatalogService.Filter(q, dept, type, null, null, null, false);
        return guides.guides(catalog.search(c.id(), filter), c).stream().map(ItemSummary::of).toList();
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "One item of the public catalogue with its full guide (办事指南)",
            description = "No login. The current version, or version `version` (CAT-3: old versions stay readable). "
                    + "404 unknown centre, item or version.")
    ItemView item(@PathVariable String code, @Parameter(description = "centre code", example = "QX-SSC") @RequestParam String centre,
            @Parameter(description = "a version number; absent = current") @RequestParam(required = false) @Nullable Integer version) {
        CentreInfo c = guides.centre(centre);
        StoredVersion current = guides.current(c, code);
        if (version == null || version == current.version()) {
            return ItemView.of(guides.guide(current, c));
        }
        StoredVersion old = catalog.history(current.itemId()).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> DomainException.notFound("catalog.version.notFound", version));
        return ItemView.of(guides.guide(old, c));
    }

    @GetMapping("/items/{code}/versions")
    @Operation(summary = "The versions of an item, newest first (CAT-3)")
    List<VersionSummary> versions(@PathVariable String code, @RequestParam String centre) {
        CentreInfo c = guides.centre(centre);
        StoredVersion current = guides.current(c, code);
        return catalog.history(current.itemId()).stream().map(v -> new VersionSummary(v.versionId(), v.version(),
                v.current(), v.name(), v.createdAt().toString(), v.changeNote())).toList();
    }

    @GetMapping("/versions/{versionId}")
    @Operation(summary = "A version by its id, current or not (a case reads the version it was received under)")
    ItemView version(@PathVariable long versionId) {
        StoredVersion v = catalog.stored(versionId)
                .orElseThrow(() -> DomainException.notFound("catalog.version.notFound", versionId));
        return ItemView.of(guides.guide(v));
    }

    @PostMapping("/items")
    @Operation(summary = "Creates an item with its first version (ADMIN, CENTRE_OFFICE; HTTP Basic)",
            description = "201 with the new version. 400 bad data (every field error in `errors[]` names the request "
                    + "field), 403 another centre or role, 409 the code is taken.")
    ResponseEntity<ItemView> create(@RequestBody ItemRequest request) {
        CentreInfo c = centreOf(request);
        access.checkManage(c.id());
        ItemData data = toData(c, request, request.code());
        StoredVersion saved = rename(() -> catalog.create(data, request.changeNote()));
        return ResponseEntity.created(URI.create("/api/v1/catalog/items/" + saved.code() + "?centre=" + c.code()))
                .body(ItemView.of(guides.guide(saved, c)));
    }

    @PutMapping("/items/{code}")
    @Operation(summary = "Saves a new version of an item and makes it current (CAT-3; ADMIN, CENTRE_OFFICE)",
            description = "The old version stays readable. The code and centre never change. 400 bad data, 403 another "
                    + "centre or role, 404 unknown item, 409 an inactive item.")
    ItemView revise(@PathVariable String code, @RequestParam(required = false) @Nullable String centre,
            @RequestBody ItemRequest request) {
        CentreInfo c = centre != null ? guides.centre(centre) : centreOf(request);
        access.checkManage(c.id());
        StoredVersion current = guides.current(c, code);
        if (request.code() != null && !request.code().isBlank() && !request.code().strip().equals(current.code())) {
            throw DomainException.invalid("code", "catalog.item.code.fixed", current.code());
        }
        ItemData data = toData(c, request, current.code());
        StoredVersion saved = rename(() -> catalog.revise(current.itemId(), data, request.changeNote()));
        return ItemView.of(guides.guide(saved, c));
    }

    private CentreInfo centreOf(ItemRequest request) {
        if (request.centre() != null && !request.centre().isBlank()) {
            return guides.centre(request.centre());
        }
        Long own = access.user().map(u -> u.centreId()).orElse(null);
        if (own == null) {
            throw DomainException.invalid("centre", "catalog.api.centre.required");
        }
        return guides.centre(own);
    }

    private ItemData toData(CentreInfo c, ItemRequest r, @Nullable String code) {
        if (r.department() == null || r.department().isBlank()) {
            throw DomainException.invalid("department", "catalog.item.department.missing");
        }
        long dept = guides.department(c.id(), r.department()).filter(DepartmentInfo::active).map(DepartmentInfo::id)
                .orElseThrow(() -> DomainException.invalid("department", "catalog.item.department.unknown"));
        List<AssistingDepartment> assisting = new ArrayList<>();
        List<AssistingRequest> ar = r.assisting() == null ? List.of() : r.assisting();
        for (int i = 0; i < ar.size(); i++) {
            AssistingRequest a = ar.get(i);
            String field = "assisting[" + i + "].department";
            if (a == null || a.department() == null || a.department().isBlank()) {
                throw DomainException.invalid(field, "catalog.item.department.missing");
            }
            long id = guides.department(c.id(), a.department()).filter(DepartmentInfo::active).map(DepartmentInfo::id)
                    .orElseThrow(() -> DomainException.invalid(field, "catalog.item.assisting.unknown"));
            assisting.add(new AssistingDepartment(id, a.limitDays() == null ? 0 : a.limitDays()));
        }
        List<Long> windows = new ArrayList<>();
        List<String> wr = r.windows() == null ? List.of() : r.windows();
        var all = guides.windows(c.id());
        for (int i = 0; i < wr.size(); i++) {
            String number = wr.get(i) == null ? "" : wr.get(i).strip();
            int index = i;
            windows.add(all.stream().filter(w -> w.number().equals(number)).findFirst().map(w -> w.id())
                    .orElseThrow(() -> DomainException.invalid("windows[" + index + "]", "catalog.item.window.unknown")));
        }
        if (r.statutoryLimitDays() == null) {
            throw DomainException.invalid("statutoryLimitDays", "catalog.item.statutory.missing");
        }
        if (r.committedLimitDays() == null) {
            throw DomainException.invalid("committedLimitDays", "catalog.item.committed.missing");
        }
        List<MaterialInfo> materials = (r.materials() == null ? List.<MaterialRequest>of() : r.materials()).stream()
                .map(m -> m == null ? new MaterialRequest(null, null, null, null, null, null) : m)
                .map(m -> new MaterialInfo(m.code(), m.name(), m.requirement(), m.form(),
                        m.copies() == null ? 1 : m.copies(), m.notes(), null))
                .toList();
        List<FeeInfo> fees = (r.fees() == null ? List.<FeeRequest>of() : r.fees()).stream()
                .map(f -> f == null ? new FeeRequest(null, null, null, null) : f)
                .map(f -> new FeeInfo(f.code(), f.name(), f.amount(), f.basis())).toList();
        return new ItemData(c.id(), code == null ? "" : code, r.name() == null ? "" : r.name(), dept, assisting, windows,
                r.type(), r.legalBasis(), r.conditions(), r.outcome(), r.consultPhone(),
                r.steps() == null ? List.of() : r.steps().stream().map(x -> x == null ? "" : x).toList(), r.statutoryLimitDays(), r.committedLimitDays(),
                r.expeditedLimitDays(), Boolean.TRUE.equals(r.reviewRequired()), fees, materials,
                Boolean.TRUE.equals(r.online()), Boolean.TRUE.equals(r.appointment()),
                Boolean.TRUE.equals(r.greenChannel()));
    }

    /** Reports a refused field under the request's name for it (department, windows[i], ...). */
    private static StoredVersion rename(java.util.function.Supplier<StoredVersion> action) {
        try {
            return action.get();
        } catch (DomainException e) {
            String f = e.field();
            if (f == null) {
                throw e;
            }
            String renamed = f.replace("departmentId", "department").replace("windowIds", "windows");
            if (renamed.equals(f)) {
                throw e;
            }
            throw new DomainException(e.kind(), renamed, e.messageKey(), e.args());
        }
    }
}
