package org.openhall.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue (CAT-1..3): creating items, revising them into new versions, deactivating them, sample
 * form files, and the reads behind the pages, the API and {@link CatalogApi}. Every change is validated by
 * {@link ItemRules}, scoped by {@link CatalogAccess} and audited in its own transaction; a refused change writes
 * nothing.
 */
@Service
public class CatalogService implements CatalogApi, CatalogCommands {

    static final String ENTITY = "CatalogItem";

    private final ItemStore store;
    private final OrganizationApi org;
    private final CatalogAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final CatalogProperties properties;

    CatalogService(ItemStore store, OrganizationApi org, CatalogAccess access, AuditTrail audit, Clock clock,
            CatalogProperties properties) {
        this.store = store;
        this.org = org;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    // ---------------------------------------------------------------- CatalogApi

    @Override
    public Optional<ItemVersion> currentItem(long centreId, String code) {
        return store.itemByCode(centreId, code.strip()).filter(ItemStore.ItemRow::active)
                .flatMap(i -> i.currentVersionId() == null ? Optional.empty() : store.version(i.currentVersionId()))
                .map(StoredVersion::toItemVersion);
    }

    @Override
    public Optional<ItemVersion> version(long versionId) {
        return store.version(versionId).map(StoredVersion::toItemVersion);
    }

    @Override
    public List<ItemVersion> currentItems(long centreId) {
        return store.currentOfCentre(centreId, false).stream().map(StoredVersion::toItemVersion).toList();
    }

    // ---------------------------------------------------------------- reads for the pages (no data scope: public)

    /** The current version of an item by code, active or not. */
    public Optional<StoredVersion> current(long centreId, String code) {
        return store.itemByCode(centreId, code.strip())
                .flatMap(i -> i.currentVersionId() == null ? Optional.empty() : store.version(i.currentVersionId()));
    }

    public Optional<StoredVersion> stored(long versionId) {
        return store.version(versionId);
    }

    /** The current versions of a centre's items, by code. */
    public List<StoredVersion> currentVersions(long centreId, boolean includeInactive) {
        return store.currentOfCentre(centreId, includeInactive);
    }

    /** Every version of an item, newest first. */
    public List<StoredVersion> history(long itemId) {
        return store.history(itemId);
    }

    /** A search of a centre's catalogue (CAT-2): by words in the name or the code, department, type and flags. */
    public record Filter(@Nullable String q, @Nullable Long departmentId, @Nullable ItemType type,
            @Nullable Boolean online, @Nullable Boolean appointment, @Nullable Boolean greenChannel,
            boolean includeInactive) {

        public static Filter text(@Nullable String q, @Nullable Long departmentId) {
            return new Filter(q, departmentId, null, null, null, null, false);
        }

        boolean matches(StoredVersion v) {
            ItemData d = v.data();
            if (q != null && !q.isBlank()) {
                String needle = q.strip().toLowerCase(Locale.ROOT);
                boolean hit = d.name().toLowerCase(Locale.ROOT).contains(needle)
                        || d.code().toLowerCase(Locale.ROOT).contains(needle);
                if (!hit) {
                    return false;
                }
            }
            return (departmentId == null || d.departmentId() == departmentId
                    || d.assisting().stream().anyMatch(a -> a.departmentId() == departmentId))
                    && (type == null || d.type() == type)
                    && (online == null || d.online() == online)
                    && (appointment == null || d.appointment() == appointment)
                    && (greenChannel == null || d.greenChannel() == greenChannel);
        }
    }

    public List<StoredVersion> search(long centreId, Filter filter) {
        return store.currentOfCentre(centreId, filter.includeInactive()).stream().filter(filter::matches).toList();
    }

    // ---------------------------------------------------------------- CatalogCommands

    @Override
    @Transactional
    public ItemVersion createItem(ItemData data) {
        return create(data, null).toItemVersion();
    }

    /** Creates an item with its first version; {@code note} says where it came from (e.g. an import). */
    @Transactional
    public StoredVersion create(ItemData data, @Nullable String note) {
        access.checkManage(data.centreId());
        validate(data);
        String code = data.code().strip();
        if (store.codeTaken(data.centreId(), code)) {
            throw codeTaken(code);
        }
        Instant now = clock.instant();
        long itemId;
        try {
            itemId = store.insertItem(data.centreId(), code, now);
        } catch (DuplicateKeyException e) {
            // a concurrent create took the code after the check above (cat_item_code_uk)
            throw codeTaken(code);
        }
        long versionId = store.insertVersion(itemId, 1, data, Map.of(), note, access.actor(), now);
        store.setCurrent(itemId, versionId, 1);
        StoredVersion saved = store.version(versionId).orElseThrow();
        audit.record(data.centreId(), ENTITY, Long.toString(itemId), "CREATE", null, saved.toItemVersion());
        return saved;
    }

    @Override
    @Transactional
    public ItemVersion revise(long itemId, ItemData data) {
        return revise(itemId, data, null).toItemVersion();
    }

    /**
     * CAT-3: saves version n+1 and makes it current; version n stays readable for the cases received under it.
     * Sample form files travel to the new version with their material code.
     */
    @Transactional
    public StoredVersion revise(long itemId, ItemData data, @Nullable String note) {
        ItemStore.ItemRow item = store.item(itemId).orElseThrow(() -> DomainException.notFound("catalog.item.notFound", itemId));
        access.checkManage(item.centreId());
        if (data.centreId() != item.centreId()) {
            throw DomainException.invalid("centreId", "catalog.item.centre.fixed");
        }
        if (data.code() == null || !item.code().equals(data.code().strip())) {
            throw DomainException.invalid("code", "catalog.item.code.fixed", item.code());
        }
        if (!item.active()) {
            throw DomainException.conflict("catalog.item.inactive", item.code());
        }
        validate(data);
        if (note != null && note.strip().length() > 500) {
            throw DomainException.invalid("changeNote", "catalog.item.tooLong", 500);
        }
        Instant now = clock.instant();
        ItemStore.ItemRow locked = store.lock(itemId, now);
        StoredVersion before = locked.currentVersionId() == null ? null : store.version(locked.currentVersionId()).orElse(null);
        Map<String, Long> samples = new HashMap<>(before == null ? Map.of() : before.sampleFileIds());
        int next = locked.currentVersion() + 1;
        long versionId;
        try {
            versionId = store.insertVersion(itemId, next, data, samples, note, access.actor(), now);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("catalog.item.concurrentRevision", item.code());
        }
        store.setCurrent(itemId, versionId, next);
        StoredVersion saved = store.version(versionId).orElseThrow();
        audit.record(item.centreId(), ENTITY, Long.toString(itemId), "REVISE",
                before == null ? null : before.toItemVersion(), saved.toItemVersion());
        return saved;
    }

    @Override
    @Transactional
    public void deactivate(long itemId) {
        setActive(itemId, false);
    }

    /** Offers a deactivated item again, with its current version. */
    @Transactional
    public void reactivate(long itemId) {
        setActive(itemId, true);
    }

    private void setActive(long itemId, boolean active) {
        ItemStore.ItemRow item = store.item(itemId).orElseThrow(() -> DomainException.notFound("catalog.item.notFound", itemId));
        access.checkManage(item.centreId());
        if (item.active() == active) {
            throw DomainException.conflict(active ? "catalog.item.alreadyActive" : "catalog.item.alreadyInactive",
                    item.code());
        }
        store.setActive(itemId, active, clock.instant());
        audit.record(item.centreId(), ENTITY, Long.toString(itemId), active ? "REACTIVATE" : "DEACTIVATE",
                Map.of("code", item.code(), "active", item.active()), Map.of("code", item.code(), "active", active));
    }

    /** The item with this id, checked against the data scope of the staff pages. */
    public StoredVersion currentOfItem(long itemId) {
        ItemStore.ItemRow item = store.item(itemId).orElseThrow(() -> DomainException.notFound("catalog.item.notFound", itemId));
        access.checkSee(item.centreId());
        return store.version(item.currentVersionId() == null ? -1 : item.currentVersionId())
                .orElseThrow(() -> DomainException.notFound("catalog.item.notFound", itemId));
    }

    // ---------------------------------------------------------------- validation

    /** Every broken rule of the data, against the centre's active departments and windows. */
    public List<Violation> violations(ItemData data) {
        if (org.centre(data.centreId()).filter(c -> c.active()).isEmpty()) {
            return List.of(new Violation("centreId", "catalog.item.centre.unknown"));
        }
        Set<Long> departments = org.departments(data.centreId()).stream().map(DepartmentInfo::id).collect(Collectors.toSet());
        Set<Long> windows = org.windows(data.centreId()).stream().map(WindowInfo::id).collect(Collectors.toSet());
        return ItemRules.check(data, departments, windows);
    }

    private void validate(ItemData data) {
        List<Violation> v = violations(data);
        if (!v.isEmpty()) {
            throw v.getFirst().toException();
        }
    }

    private static DomainException codeTaken(String code) {
        return new DomainException(DomainException.Kind.CONFLICT, "code", "catalog.item.code.taken", code);
    }

    // ---------------------------------------------------------------- sample forms

    /**
     * Attaches a sample form (样表/范本) to a material of the item's current version: PDF, DOC, DOCX, XLSX, JPG or
     * PNG up to {@code openhall.catalog.sample-max-size}. Later versions keep it; older versions keep theirs.
     */
    @Transactional
    public long uploadSample(long itemId, String materialCode, String fileName, byte[] content) {
        StoredVersion current = currentOfItem(itemId);
        access.checkManage(current.centreId());
        MaterialInfo material = current.data().materials().stream().filter(m -> m.code().equals(materialCode)).findFirst()
                .orElseThrow(() -> DomainException.invalid("materialCode", "catalog.sample.material.unknown", materialCode));
        String name = SampleFiles.cleanName(fileName);
        if (content.length == 0) {
            throw DomainException.invalid("file", "catalog.sample.empty");
        }
        if (content.length > properties.sampleMaxSize().toBytes()) {
            throw DomainException.invalid("file", "catalog.sample.tooLarge", properties.sampleMaxSize().toMegabytes());
        }
        String type = SampleFiles.contentType(name, content)
                .orElseThrow(() -> DomainException.invalid("file", "catalog.sample.type"));
        Instant now = clock.instant();
        long id = store.insertSample(current.centreId(), itemId, material.code(), name, type, content, access.actor(), now);
        store.attachSample(current.versionId(), material.code(), id);
        audit.record(current.centreId(), ENTITY, Long.toString(itemId), "SAMPLE_UPLOAD",
                Map.of("material", material.code(), "file", String.valueOf(material.sampleFile())),
                Map.of("material", material.code(), "file", name, "sampleFileId", id, "size", content.length));
        return id;
    }

    @Override
    @Transactional
    public long attachSample(long itemId, String materialCode, String fileName, byte[] content) {
        return uploadSample(itemId, materialCode, fileName, content);
    }

    /** A sample form file for download (public: the guide pages link to it). */
    public record Sample(String fileName, String contentType, byte[] content) {
    }

    public Optional<Sample> sample(long id) {
        return store.sample(id).map(s -> new Sample(s.fileName(), s.contentType(), store.sampleContent(id)));
    }
}
