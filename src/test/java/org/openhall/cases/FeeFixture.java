package org.openhall.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseCommands.Applicant;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.security.UserAccounts;

/**
 * Cases with fees for the fee and archive tests (CASE-8, CASE-9): a centre from {@link OrgFixture} with two more
 * windows, a catalogue item ({@link CatalogFixture#committedData}) whose fee items are 不动产登记费 550.00, 证书工本费
 * 10.00 and 测绘服务费 674.50 — together 1,234.50 — and cases taken through {@link CaseCommands} as the system.
 */
public final class FeeFixture {

    private FeeFixture() {
    }

    public static List<FeeInfo> fees() {
        return List.of(
                new FeeInfo("DJF", "不动产登记费", new BigDecimal("550.00"), "发改价格规〔2016〕2559号 非住宅类不动产登记收费标准"),
                new FeeInfo("GBF", "证书工本费", new BigDecimal("10.00"), "每增加一本证书加收工本费10元"),
                new FeeInfo("CHF", "测绘服务费", new BigDecimal("674.50"), "测绘服务收费标准"));
    }

    /** The catalogue fixture's committed item of {@code departmentId} with the three fee items above. */
    public static ItemVersion item(CatalogCommands catalog, OrgFixture.Org o, long departmentId) {
        ItemData d = CatalogFixture.committedData(o);
        return catalog.createItem(new ItemData(d.centreId(), d.code(), d.name(), departmentId, d.assisting(),
                d.windowIds(), d.type(), d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(),
                d.statutoryLimitDays(), d.committedLimitDays(), d.expeditedLimitDays(), d.reviewRequired(), fees(),
                d.materials(), d.online(), d.appointment(), d.greenChannel()));
    }

    /** A centre with windows 5 (the clerk's), 6 and 7, and logins per role. */
    public record Centre(OrgFixture.Org org, long window5, long window6, long window7) {
    }

    public static Centre centre(OrganizationCommands commands, UserAccounts accounts) {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        long w6 = commands.createWindow(new WindowData(o.medical(), "6", "医保综合", WindowType.ACCEPTANCE, "一楼B区",
                List.of("医保综合业务"), o.medicalStaff()[2], o.medicalStaff()[0], LocalDate.of(2025, 1, 2)));
        long w7 = commands.createWindow(new WindowData(o.employment(), "7", "就业登记", WindowType.ACCEPTANCE, "一楼C区",
                List.of("就业登记"), o.employmentStaff()[1], o.employmentStaff()[2], LocalDate.of(2025, 1, 2)));
        return new Centre(o, o.windowId(), w6, w7);
    }

    /** A person applying under {@code name}, with a fresh valid ID number and mobile. */
    public static Applicant applicant(String name) {
        Applicant p = CasesFixture.person();
        return new Applicant(p.kind(), name, p.idNumber(), p.creditCode(), p.mobile(), p.email(), p.address());
    }

    /** An intake with every required material by {@code name}: ACCEPTED. */
    public static CaseView accepted(CaseCommands cases, OrgFixture.Org o, ItemVersion item, String name) {
        return cases.intake(new CaseCommands.IntakeRequest(o.centreId(), item.code(), applicant(name),
                CasesFixture.allReceived(item), IntakeChannel.WINDOW, o.windowId(), false, null, null));
    }

    /** Routed to the department's handler and decided. */
    public static CaseView completed(CaseCommands cases, OrgFixture.Org o, ItemVersion item, String number,
            CaseResult result) {
        cases.route(number, item.departmentId(), CasesFixture.handlerOf(o, item.departmentId()), "请按时办理");
        return CasesFixture.finish(cases, cases.get(number), item, result);
    }
}
