package org.openhall.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The catalogue's tables (V400): items, their versions and the parts of each version. */
@Repository
class ItemStore {

    private final JdbcClient jdbc;

    ItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of cat_item. */
    record ItemRow(long id, long centreId, String code, @Nullable Long currentVersionId, int currentVersion,
            boolean active) {
    }

    private static ItemRow item(ResultSet rs, int n) throws SQLException {
        long cv = rs.getLong("current_version_id");
        return new ItemRow(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("code"), rs.wasNull() ? null : cv,
                rs.getInt("current_version"), rs.getBoolean("active"));
    }

    static long id(KeyHolder keys) {
        Number n = keys.getKeyAs(Number.class);
        if (n == null) {
            n = keys.getKey();
        }
        if (n == null) {
            throw new IllegalStateException("no generated key");
        }
        return n.longValue();
    }

    Optional<ItemRow> item(long id) {
        return jdbc.sql("select * from cat_item where id = :id").param("id", id).query(ItemStore::item).optional();
    }

    Optional<ItemRow> itemByCode(long centreId, String code) {
        return jdbc.sql("select * from cat_item where centre_id = :c and code = :code").param("c", centreId)
                .param("code", code).query(ItemStore::item).optional();
    }

    boolean codeTaken(long centreId, String code) {
        return jdbc.sql("select count(*) from cat_item where centre_id = :c and code = :code").param("c", centreId)
                .param("code", code).query(Long.class).single() > 0;
    }

    long insertItem(long centreId, String code, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cat_item (centre_id, code, current_version, active, created_at, updated_at)
                values (:c, :code, 0, true, :t, :t)""")
                .param("c", centreId).param("code", code).param("t", Timestamp.from(now)).update(keys, "id");
        return id(keys);
    }

    /** Locks the item row for this transaction (a concurrent revision waits) and returns it fresh. */
    ItemRow lock(long itemId, Instant now) {
        jdbc.sql("update cat_item set updated_at = :t where id = :id").param("t", Timestamp.from(now)).param("id", itemId)
                .update();
        return item(itemId).orElseThrow();
    }

    void setCurrent(long itemId, long versionId, int version) {
        jdbc.sql("update cat_item set current_version_id = :v, current_version = :n where id = :id")
                .param("v", versionId).param("n", version).param("id", itemId).update();
    }

    void setActive(long itemId, boolean active, Instant now) {
        jdbc.sql("update cat_item set active = :a, updated_at = :t where id = :id").param("a", active)
                .param("t", Timestamp.from(now)).param("id", itemId).update();
    }

    /** Writes a version with all its parts; sample files are given by material code. */
    long insertVersion(long itemId, int version, ItemData d, Map<String, Long> samples, @Nullable String note,
            String actor, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cat_item_version (item_id, centre_id, version_no, name, department_id, item_type, legal_basis,
                    conditions, outcome, consult_phone, statutory_limit_days, committed_limit_days, expedited_limit_days,
                    review_required, online_allowed, appointment_allowed, green_channel, change_note, created_at, created_by)
                values (:item, :c, :n, :name, :dept, :type, :basis, :cond, :outcome, :phone, :stat, :comm, :exp,
                    :review, :online, :appt, :green, :note, :t, :by)""")
                .param("item", itemId).param("c", d.centreId()).param("n", version).param("name", d.name().strip())
                .param("dept", d.departmentId()).param("type", d.type().name()).param("basis", text(d.legalBasis()))
                .param("cond", text(d.conditions())).param("outcome", text(d.outcome()))
                .param("phone", text(d.consultPhone())).param("stat", d.statutoryLimitDays())
                .param("comm", d.committedLimitDays()).param("exp", d.expeditedLimitDays())
                .param("review", d.reviewRequired()).param("online", d.online()).param("appt", d.appointment())
                .param("green", d.greenChannel()).param("note", text(note)).param("t", Timestamp.from(now))
                .param("by", actor).update(keys, "id");
        long versionId = id(keys);
        for (int i = 0; i < d.windowIds().size(); i++) {
            jdbc.sql("insert into cat_version_window (version_id, seq_no, window_id) values (:v, :i, :w)")
                    .param("v", versionId).param("i", i).param("w", d.windowIds().get(i)).update();
        }
        for (int i = 0; i < d.assisting().size(); i++) {
            AssistingDepartment a = d.assisting().get(i);
            jdbc.sql("insert into cat_version_assisting (version_id, seq_no, department_id, limit_days) values (:v, :i, :d, :l)")
                    .param("v", versionId).param("i", i).param("d", a.departmentId()).param("l", a.limitDays()).update();
        }
        for (int i = 0; i < d.steps().size(); i++) {
            jdbc.sql("insert into cat_version_step (version_id, seq_no, description) values (:v, :i, :s)")
                    .param("v", versionId).param("i", i).param("s", d.steps().get(i).strip()).update();
        }
        for (int i = 0; i < d.materials().size(); i++) {
            MaterialInfo m = d.materials().get(i);
            jdbc.sql("""
                    insert into cat_version_material (version_id, seq_no, code, name, requirement, form, copies, notes, sample_file_id)
                    values (:v, :i, :code, :name, :req, :form, :copies, :notes, :sample)""")
                    .param("v", versionId).param("i", i).param("code", m.code().strip()).param("name", m.name().strip())
                    .param("req", m.requirement().name()).param("form", text(m.form())).param("copies", m.copies())
                    .param("notes", text(m.notes())).param("sample", samples.get(m.code().strip())).update();
        }
        for (int i = 0; i < d.fees().size(); i++) {
            FeeInfo f = d.fees().get(i);
            jdbc.sql("""
                    insert into cat_version_fee (version_id, seq_no, code, name, amount, basis)
                    values (:v, :i, :code, :name, :amount, :basis)""")
                    .param("v", versionId).param("i", i).param("code", f.code().strip()).param("name", f.name().strip())
                    .param("amount", f.amount().setScale(2)).param("basis", text(f.basis())).update();
        }
        return versionId;
    }

    private static @Nullable String text(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Head(long itemId, long versionId, long centreId, String code, int version, String name,
            long departmentId, ItemType type, @Nullable String legalBasis, @Nullable String conditions,
            @Nullable String outcome, @Nullable String consultPhone, int statutory, int committed,
            @Nullable Integer expedited, boolean review, boolean online, boolean appointment, boolean green,
            boolean current, boolean active, Instant createdAt, String createdBy, @Nullable String note) {
    }

    private static final String HEAD_SQL = """
            select v.*, i.code, i.active, i.current_version_id
            from cat_item_version v join cat_item i on i.id = v.item_id""";

    private static Head head(ResultSet rs, int n) throws SQLException {
        int exp = rs.getInt("expedited_limit_days");
        Integer expedited = rs.wasNull() ? null : exp;
        long versionId = rs.getLong("id");
        return new Head(rs.getLong("item_id"), versionId, rs.getLong("centre_id"), rs.getString("code"),
                rs.getInt("version_no"), rs.getString("name"), rs.getLong("department_id"),
                ItemType.valueOf(rs.getString("item_type")), rs.getString("legal_basis"), rs.getString("conditions"),
                rs.getString("outcome"), rs.getString("consult_phone"), rs.getInt("statutory_limit_days"),
                rs.getInt("committed_limit_days"), expedited, rs.getBoolean("review_required"),
                rs.getBoolean("online_allowed"), rs.getBoolean("appointment_allowed"), rs.getBoolean("green_channel"),
                rs.getLong("current_version_id") == versionId, rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("change_note"));
    }

    Optional<StoredVersion> version(long versionId) {
        return load(jdbc.sql(HEAD_SQL + " where v.id = :id").param("id", versionId).query(ItemStore::head).list())
                .stream().findFirst();
    }

    /** The current versions of a centre's items, by code. */
    List<StoredVersion> currentOfCentre(long centreId, boolean includeInactive) {
        return load(jdbc.sql(HEAD_SQL + " where i.centre_id = :c and v.id = i.current_version_id"
                + (includeInactive ? "" : " and i.active = true") + " order by i.code")
                .param("c", centreId).query(ItemStore::head).list());
    }

    /** All versions of an item, newest first. */
    List<StoredVersion> history(long itemId) {
        return load(jdbc.sql(HEAD_SQL + " where v.item_id = :i order by v.version_no desc").param("i", itemId)
                .query(ItemStore::head).list());
    }

    private record Part<T>(long versionId, T value) {
    }

    private List<StoredVersion> load(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Head::versionId).toList();
        Map<Long, List<Long>> windows = group(ids, "select version_id, window_id from cat_version_window",
                (rs, n) -> new Part<>(rs.getLong(1), rs.getLong(2)));
        Map<Long, List<AssistingDepartment>> assisting = group(ids,
                "select version_id, department_id, limit_days from cat_version_assisting",
                (rs, n) -> new Part<>(rs.getLong(1), new AssistingDepartment(rs.getLong(2), rs.getInt(3))));
        Map<Long, List<String>> steps = group(ids, "select version_id, description from cat_version_step",
                (rs, n) -> new Part<>(rs.getLong(1), rs.getString(2)));
        Map<Long, List<FeeInfo>> fees = group(ids, "select version_id, code, name, amount, basis from cat_version_fee",
                (rs, n) -> new Part<>(rs.getLong(1), new FeeInfo(rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).setScale(2), rs.getString(5))));
        record Mat(MaterialInfo info, @Nullable Long sample) {
        }
        Map<Long, List<Mat>> materials = group(ids, """
                select m.version_id, m.code, m.name, m.requirement, m.form, m.copies, m.notes, m.sample_file_id, s.file_name
                from cat_version_material m left join cat_sample_file s on s.id = m.sample_file_id""", "m.",
                (rs, n) -> {
                    long sample = rs.getLong(8);
                    Long sampleId = rs.wasNull() ? null : sample;
                    return new Part<>(rs.getLong(1), new Mat(new MaterialInfo(rs.getString(2), rs.getString(3),
                            MaterialRequirement.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getString(7),
                            rs.getString(9)), sampleId));
                });
        List<StoredVersion> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            List<Mat> mats = materials.getOrDefault(h.versionId(), List.of());
            Map<String, Long> samples = new HashMap<>();
            for (Mat m : mats) {
                if (m.sample() != null) {
                    samples.put(m.info().code(), m.sample());
                }
            }
            ItemData data = new ItemData(h.centreId(), h.code(), h.name(), h.departmentId(),
                    assisting.getOrDefault(h.versionId(), List.of()), windows.getOrDefault(h.versionId(), List.of()),
                    h.type(), h.legalBasis(), h.conditions(), h.outcome(), h.consultPhone(),
                    steps.getOrDefault(h.versionId(), List.of()), h.statutory(), h.committed(), h.expedited(), h.review(),
                    fees.getOrDefault(h.versionId(), List.of()), mats.stream().map(Mat::info).toList(), h.online(),
                    h.appointment(), h.green());
            out.add(new StoredVersion(h.itemId(), h.versionId(), h.version(), data, h.current(), h.active(),
                    h.createdAt(), h.createdBy(), h.note(), samples));
        }
        return out;
    }

    private <T> Map<Long, List<T>> group(Collection<Long> ids, String select,
            org.springframework.jdbc.core.RowMapper<Part<T>> mapper) {
        return group(ids, select, "", mapper);
    }

    /** Loads the parts of the given versions in order; {@code alias} qualifies version_id and seq_no in a join. */
    private <T> Map<Long, List<T>> group(Collection<Long> ids, String select, String alias,
            org.springframework.jdbc.core.RowMapper<Part<T>> mapper) {
        Map<Long, List<T>> out = new LinkedHashMap<>();
        // chunks keep the IN list short on both databases
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String sql = select + " where " + alias + "version_id in (:ids) order by " + alias + "version_id, " + alias
                    + "seq_no";
            for (Part<T> p : jdbc.sql(sql).param("ids", chunk).query(mapper).list()) {
                out.computeIfAbsent(p.versionId(), k -> new ArrayList<>()).add(p.value());
            }
        }
        return out;
    }

    // --- sample files

    record SampleFile(long id, long centreId, long itemId, String materialCode, String fileName, String contentType,
            int size) {
    }

    long insertSample(long centreId, long itemId, String materialCode, String fileName, String contentType,
            byte[] content, String actor, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cat_sample_file (centre_id, item_id, material_code, file_name, content_type, size_bytes, content,
                    created_at, created_by)
                values (:c, :i, :m, :f, :ct, :s, :b, :t, :by)""")
                .param("c", centreId).param("i", itemId).param("m", materialCode).param("f", fileName)
                .param("ct", contentType).param("s", content.length).param("b", content).param("t", Timestamp.from(now))
                .param("by", actor).update(keys, "id");
        return id(keys);
    }

    void attachSample(long versionId, String materialCode, long sampleId) {
        jdbc.sql("update cat_version_material set sample_file_id = :s where version_id = :v and code = :m")
                .param("s", sampleId).param("v", versionId).param("m", materialCode).update();
    }

    Optional<SampleFile> sample(long id) {
        return jdbc.sql("select id, centre_id, item_id, material_code, file_name, content_type, size_bytes from cat_sample_file where id = :id")
                .param("id", id).query((rs, n) -> new SampleFile(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7))).optional();
    }

    byte[] sampleContent(long id) {
        return jdbc.sql("select content from cat_sample_file where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }
}
