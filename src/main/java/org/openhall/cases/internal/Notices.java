package org.openhall.cases.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.cases.internal.NoticeRenderer.Field;
import org.openhall.cases.internal.NoticeRenderer.Section;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.Masking;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Issues the written notices of a case (CASE-2, CASE-2a, CASE-5a, CASE-7): composes each kind from the case as it
 * stands, renders it ({@link NoticeRenderer}) and stores the PDF in {@code cas_notice}, where it is served as issued
 * (a later change of the case, the seal or the catalogue never alters a notice already handed out). Notices are
 * documents for the applicant in a Chinese hall: always in Chinese, whatever the screen language.
 */
@Component
class Notices {

    private final CaseStore store;
    private final OrganizationApi org;
    private final CatalogApi catalog;
    private final NoticeSettings settings;
    private final MessageSource messages;
    private final CurrentUsers users;
    private final Clock clock;
    private final String publicUrl;

    Notices(CaseStore store, OrganizationApi org, CatalogApi catalog, NoticeSettings settings, MessageSource messages,
            CurrentUsers users, Clock clock, @Value("${openhall.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.org = org;
        this.catalog = catalog;
        this.settings = settings;
        this.messages = messages;
        this.users = users;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    String t(MessageSourceResolvable r) {
        return messages.getMessage(r, Locale.SIMPLIFIED_CHINESE);
    }

    /** 2026年11月23日 */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    String progressUrl(String number) {
        return publicUrl + "/progress?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }

    /** Extra facts of a notice that are not (yet) on the case row. */
    record Extra(@Nullable SuspensionReason reason, @Nullable String note) {
        static final Extra NONE = new Extra(null, null);
    }

    /** Renders and stores a notice; returns its id. */
    long issue(CaseRecord c, NoticeKind kind, ZoneId zone, Extra extra) {
        Instant now = clock.instant();
        byte[] pdf = render(c, kind, zone, extra, now);
        return store.insertNotice(c.id, c.centreId, kind, now, users.actorName(), pdf);
    }

    byte[] render(CaseRecord c, NoticeKind kind, ZoneId zone, Extra extra, Instant now) {
        CentreInfo centre = org.centre(c.centreId).orElseThrow();
        Optional<NoticeSettings.Settings> s = settings.current(c.centreId);
        String agency = s.map(NoticeSettings.Settings::agencyName).filter(a -> !a.isBlank()).orElse(centre.name());
        Optional<ItemVersion> item = catalog.version(c.itemVersionId);
        List<CaseStore.MaterialRow> materials = store.materials(c.id);
        List<Field> fields = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        fields.add(new Field(t("cases.notice.item"), c.itemName + "（" + c.itemCode + "）"));
        fields.add(new Field(t("cases.notice.applicant"), applicant(c)));
        fields.add(new Field(t("cases.notice.received"), date(LocalDate.ofInstant(c.receivedAt, zone))));
        String title = t("cases.notice.title." + kind.name());
        switch (kind) {
            case RECEIPT -> {
                if (c.acceptedAt != null) {
                    fields.add(new Field(t("cases.notice.accepted"), date(LocalDate.ofInstant(c.acceptedAt, zone))));
                }
                fields.add(new Field(t("cases.notice.deadline"), deadline(c)));
                if (c.correctionLate) {
                    sections.add(new Section(t("cases.notice.art32.heading"), List.of(t("cases.notice.art32.text",
                            date(LocalDate.ofInstant(c.receivedAt, zone)))), false));
                }
                List<String> received = materials.stream().filter(m -> m.state() == MaterialState.RECEIVED)
                        .map(m -> m.name()).toList();
                sections.add(new Section(t("cases.notice.materialsReceived"),
                        received.isEmpty() ? List.of(t("cases.notice.none")) : received, true));
                List<String> deferred = materials.stream().filter(m -> m.state() == MaterialState.DEFERRED)
                        .map(m -> m.name()).toList();
                if (!deferred.isEmpty() && c.pendingMaterialsDue != null) {
                    sections.add(new Section(t("cases.notice.deferredHeading", date(c.pendingMaterialsDue)), deferred, true));
                }
                sections.add(new Section(t("cases.notice.howToQuery"), List.of(t("cases.notice.howToQuery.text",
                        c.number, progressUrl(c.number))), false));
            }
            case CORRECTION -> {
                List<String> lines = new ArrayList<>();
                for (CaseStore.MaterialRow m : materials) {
                    if (m.requirement() == MaterialRequirement.OPTIONAL
                            || !(m.state() == MaterialState.MISSING || m.state() == MaterialState.WRONG)) {
                        continue;
                    }
                    StringBuilder line = new StringBuilder(m.name()).append("：");
                    line.append(m.state() == MaterialState.MISSING ? t("cases.notice.correction.missing")
                            : t("cases.notice.correction.wrong", m.note() == null ? "" : m.note()));
                    item.flatMap(i -> i.material(m.code())).ifPresent(info -> describe(line, info));
                    lines.add(line.toString());
                }
                sections.add(new Section(t("cases.notice.correction.heading", lines.size()), lines, true));
                sections.add(new Section(t("cases.notice.correction.law"), List.of(t("cases.notice.correction.text")), false));
            }
            case DEFERRAL -> {
                List<String> deferred = materials.stream().filter(m -> m.state() == MaterialState.DEFERRED)
                        .map(m -> m.name()).toList();
                fields.add(new Field(t("cases.notice.supplyBy"), c.pendingMaterialsDue == null ? "" : date(c.pendingMaterialsDue)));
                fields.add(new Field(t("cases.notice.deadline"), deadline(c)));
                sections.add(new Section(t("cases.notice.deferral.materials"), deferred, true));
                sections.add(new Section(t("cases.notice.deferral.commitment"), List.of(t("cases.notice.deferral.text",
                        c.applicantName, c.pendingMaterialsDue == null ? "" : date(c.pendingMaterialsDue))), false));
            }
            case REJECTION -> {
                sections.add(new Section(t("cases.notice.rejection.reason"),
                        List.of(c.rejectionReason == null ? "" : c.rejectionReason), false));
                String basis = item.map(ItemVersion::legalBasis).filter(b -> b != null && !b.isBlank()).orElse(null);
                sections.add(new Section(t("cases.notice.rejection.basis"),
                        List.of(basis == null ? t("cases.notice.rejection.basisDefault") : basis), false));
                sections.add(new Section(t("cases.notice.rejection.redirect"), List.of(c.rejectionRedirect == null
                        ? t("cases.notice.rejection.noRedirect") : c.rejectionRedirect), false));
                sections.add(new Section(t("cases.notice.remedy.heading"), List.of(t("cases.notice.remedy.text")), false));
            }
            case SUSPENSION -> {
                SuspensionReason reason = extra.reason() == null ? SuspensionReason.SUPPLEMENT : extra.reason();
                fields.add(new Field(t("cases.notice.suspension.reason"), t("cases.suspension." + reason.name())));
                fields.add(new Field(t("cases.notice.suspension.since"), date(LocalDate.ofInstant(now, zone))));
                if (c.dueDate != null) {
                    fields.add(new Field(t("cases.notice.deadlineBefore"), date(c.dueDate)));
                }
                List<String> text = new ArrayList<>();
                if (extra.note() != null) {
                    text.add(extra.note());
                }
                text.add(t(reason == SuspensionReason.SUPPLEMENT ? "cases.notice.suspension.supplement"
                        : "cases.notice.suspension.art45"));
                sections.add(new Section(t("cases.notice.suspension.heading"), text, false));
            }
            case EXTENSION -> {
                fields.add(new Field(t("cases.notice.extension.days"), t("cases.notice.workingDays", c.extensionDays)));
                fields.add(new Field(t("cases.notice.deadline"), deadline(c)));
                sections.add(new Section(t("cases.notice.extension.reason"),
                        List.of(c.extensionReason == null ? "" : c.extensionReason), false));
                sections.add(new Section(t("cases.notice.extension.law"), List.of(t("cases.notice.extension.text")), false));
            }
            case DECISION -> {
                CaseResult result = c.result == null ? CaseResult.APPROVED : c.result;
                fields.add(new Field(t("cases.notice.decision.result"), t("cases.result." + result.name())));
                if (c.completedAt != null) {
                    fields.add(new Field(t("cases.notice.decision.date"), date(LocalDate.ofInstant(c.completedAt, zone))));
                }
                if (c.resultReason != null) {
                    sections.add(new Section(t("cases.notice.decision.reason"), List.of(c.resultReason), false));
                }
                if (result == CaseResult.REFUSED) {
                    sections.add(new Section(t("cases.notice.remedy.heading"),
                            List.of(c.remedy == null ? t("cases.notice.remedy.text") : c.remedy), false));
                } else {
                    sections.add(new Section(t("cases.notice.decision.pickup"), List.of(t("cases.notice.decision.pickupText")),
                            false));
                }
            }
            case FEE_RECEIPT -> sections.add(new Section(t("cases.notice.title.FEE_RECEIPT"), List.of(), false));
        }
        var model = new NoticeRenderer.Model(agency, title, t("cases.notice.number", c.number), fields, sections,
                t("cases.notice.handler", handlerName(c)), contact(c, s.map(NoticeSettings.Settings::phone).orElse(null)),
                progressUrl(c.number), t("cases.notice.qr"), date(LocalDate.ofInstant(now, zone)),
                s.map(NoticeSettings.Settings::seal).orElse(null), t("cases.notice.sealPlaceholder"));
        return NoticeRenderer.render(model, clock);
    }

    private void describe(StringBuilder line, MaterialInfo info) {
        List<String> parts = new ArrayList<>();
        if (info.form() != null && !info.form().isBlank()) {
            parts.add(info.form());
        }
        if (info.copies() > 0) {
            parts.add(t("cases.notice.copies", info.copies()));
        }
        if (info.notes() != null && !info.notes().isBlank()) {
            parts.add(info.notes());
        }
        if (!parts.isEmpty()) {
            line.append("（").append(String.join("；", parts)).append("）");
        }
    }

    /** The applicant with the ID number masked (SEC-2): the notice is handed over the counter. */
    private String applicant(CaseRecord c) {
        String id = c.applicantKind == CaseCommands.ApplicantKind.PERSON ? Masking.idNumber(c.applicantIdNumber)
                : c.applicantCreditCode;
        return c.applicantName + (id == null ? "" : "（" + id + "）");
    }

    /** "YYYY年M月D日前（N个工作日）" */
    String deadline(CaseRecord c) {
        if (c.dueDate == null) {
            return "";
        }
        int days = (c.limitDays == null ? 0 : c.limitDays) + c.extensionDays;
        return t("cases.notice.deadlineValue", date(c.dueDate), days);
    }

    private String handlerName(CaseRecord c) {
        Optional<CurrentUser> u = users.current();
        if (u.isPresent()) {
            return u.get().displayName();
        }
        Long staff = c.handlerStaffId != null ? c.handlerStaffId : c.intakeStaffId;
        return staff == null ? "—" : org.staff(staff).map(s -> s.name()).orElse("—");
    }

    private String contact(CaseRecord c, @Nullable String phone) {
        String window = c.windowId == null ? null
                : org.window(c.windowId).map(w -> t("cases.notice.window", w.number(), w.name())).orElse(null);
        String dept = org.department(c.departmentId).map(d -> d.name()).orElse("");
        List<String> parts = new ArrayList<>();
        parts.add(window != null ? window : dept);
        if (phone != null) {
            parts.add(t("cases.notice.phone", phone));
        }
        return t("cases.notice.contact", String.join("，", parts));
    }

    /** For callers that need the label of a resolvable in Chinese. */
    String label(String code) {
        return t(new DefaultMessageSourceResolvable(code));
    }
}
