package org.openhall.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhall.organization.OrgFixture;

/**
 * Builds realistic service items for an {@link OrgFixture.Org} through {@link CatalogCommands} (CAT-1). Every
 * call uses a fresh item code, so tests sharing an application context do not collide. The {@code ...Data}
 * methods give the content without saving it, for tests that change one field.
 */
public final class CatalogFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private CatalogFixture() {
    }

    /** A fresh item code, e.g. {@code T-ITEM-7}. */
    public static String code() {
        return "T-ITEM-" + SEQ.incrementAndGet();
    }

    public static MaterialInfo material(String code, String name, MaterialRequirement requirement, String form, int copies,
            String notes) {
        return new MaterialInfo(code, name, requirement, form, copies, notes, null);
    }

    /**
     * 承诺件 of the medical department, received at the Org's window: statutory 20 / committed 10 working days,
     * M01..M03 REQUIRED, M04 DEFERRABLE (容缺), M05 OPTIONAL, one fee F01 of 10.00 yuan.
     */
    public static ItemData committedData(OrgFixture.Org o) {
        return new ItemData(o.centreId(), code(), "门诊慢特病待遇认定", o.medical(), List.of(), List.of(o.windowId()),
                ItemType.COMMITTED, "《中华人民共和国社会保险法》第二十八条；《基本医疗保险门诊慢特病管理办法》",
                "参加本县基本医疗保险、经二级及以上定点医院确诊患有门诊慢特病病种的参保人员",
                "门诊慢特病待遇认定结果（在社会保障卡中标注）", "0797-5212351",
                List.of("申请人提交材料，窗口受理", "医保中心组织专家审核", "公示认定结果", "办结并告知申请人"),
                20, 10, 5, false,
                List.of(new FeeInfo("F01", "病历资料复印工本费", new BigDecimal("10.00"), "按物价部门核定的复印工本费标准收取")),
                List.of(material("M01", "居民身份证或社会保障卡", MaterialRequirement.REQUIRED, "原件", 1, "核验后当场退还"),
                        material("M02", "门诊慢特病待遇认定申请表", MaterialRequirement.REQUIRED, "原件", 1,
                                "申请人签字；病种名称按诊断证明填写"),
                        material("M03", "二级及以上定点医院诊断证明", MaterialRequirement.REQUIRED, "原件", 1,
                                "须加盖医院公章，近6个月内出具"),
                        material("M04", "近期检查检验报告", MaterialRequirement.DEFERRABLE, "复印件", 1,
                                "可容缺受理，承诺5个工作日内补交"),
                        material("M05", "代办人身份证及委托书", MaterialRequirement.OPTIONAL, "原件", 1, "委托他人办理时提供")),
                false, true, true);
    }

    public static ItemVersion committed(CatalogCommands commands, OrgFixture.Org o) {
        return commands.createItem(committedData(o));
    }

    /** 即办件 of the medical department: finished at the window (committed 0), two REQUIRED materials, free. */
    public static ItemData instantData(OrgFixture.Org o) {
        return new ItemData(o.centreId(), code(), "城乡居民基本医疗保险参保登记", o.medical(), List.of(),
                List.of(o.windowId()), ItemType.INSTANT, "《中华人民共和国社会保险法》第二十五条", "本县户籍或持居住证的城乡居民",
                "参保登记完成，可查询参保状态", "0797-5212351", List.of("窗口受理并审核", "当场办结"), 5, 0, null, false,
                List.of(),
                List.of(material("M01", "居民身份证或户口簿", MaterialRequirement.REQUIRED, "原件", 1, "核验后退还"),
                        material("M02", "城乡居民基本医疗保险参保登记表", MaterialRequirement.REQUIRED, "原件", 1, "本人签字")),
                true, false, false);
    }

    public static ItemVersion instant(CatalogCommands commands, OrgFixture.Org o) {
        return commands.createItem(instantData(o));
    }

    /**
     * 联办件: lead = the medical department, assisting = the employment department with its own limit of 5
     * working days; statutory 30 / committed 15.
     */
    public static ItemData jointData(OrgFixture.Org o) {
        return new ItemData(o.centreId(), code(), "生育保险待遇申领", o.medical(),
                List.of(new AssistingDepartment(o.employment(), 5)), List.of(o.windowId()), ItemType.JOINT,
                "《中华人民共和国社会保险法》第五十四条", "参加生育保险、按规定连续缴费的职工", "生育医疗费用及生育津贴支付到账",
                "0797-5212351",
                List.of("窗口受理", "劳动就业中心核对就业登记与缴费记录", "医保中心核定待遇", "待遇支付到账"), 30, 15, null,
                false, List.of(),
                List.of(material("M01", "居民身份证或社会保障卡", MaterialRequirement.REQUIRED, "原件", 1, null),
                        material("M02", "出生医学证明", MaterialRequirement.REQUIRED, "复印件", 1, null),
                        material("M03", "生育医疗费用票据", MaterialRequirement.REQUIRED, "原件", 1, "已联网结算的无需提供"),
                        material("M04", "计划生育服务证明", MaterialRequirement.DEFERRABLE, "复印件", 1, null)),
                true, true, false);
    }

    public static ItemVersion joint(CatalogCommands commands, OrgFixture.Org o) {
        return commands.createItem(jointData(o));
    }

    /** 承诺件 whose cases pass a review step (审核把关) before completion: statutory 20 / committed 10. */
    public static ItemData reviewRequiredData(OrgFixture.Org o) {
        return new ItemData(o.centreId(), code(), "职工医保个人账户一次性支取", o.medical(), List.of(), List.of(o.windowId()),
                ItemType.COMMITTED, "《中华人民共和国社会保险法》第二十三条；省职工基本医疗保险个人账户管理办法",
                "出国（境）定居或死亡的参保人员", "个人账户余额支付到指定银行账户", "0797-5212351",
                List.of("窗口受理", "经办人员审核", "科长复核", "支付到账"), 20, 10, null, true, List.of(),
                List.of(material("M01", "居民身份证或社会保障卡", MaterialRequirement.REQUIRED, "原件", 1, null),
                        material("M02", "个人账户一次性支取申请表", MaterialRequirement.REQUIRED, "原件", 1, "本人或继承人签字"),
                        material("M03", "定居或死亡证明材料", MaterialRequirement.REQUIRED, "复印件", 1, null)),
                false, false, false);
    }

    public static ItemVersion reviewRequired(CatalogCommands commands, OrgFixture.Org o) {
        return commands.createItem(reviewRequiredData(o));
    }
}
