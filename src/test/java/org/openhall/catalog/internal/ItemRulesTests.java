package org.openhall.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** CAT-1: the rules of an item version, without a database. */
class ItemRulesTests {

    static final long CENTRE = 1;
    static final long MEDICAL = 10;
    static final long EMPLOYMENT = 11;
    static final long OTHER_CENTRE_DEPT = 99;
    static final long WINDOW = 5;
    static final Set<Long> DEPTS = Set.of(MEDICAL, EMPLOYMENT);
    static final Set<Long> WINDOWS = Set.of(WINDOW);

    static MaterialInfo m(String code) {
        return new MaterialInfo(code, "材料" + code, MaterialRequirement.REQUIRED, "原件", 1, null, null);
    }

    static FeeInfo fee(String code, String amount) {
        return new FeeInfo(code, "工本费", new BigDecimal(amount), null);
    }

    static ItemData item(ItemType type, int statutory, int committed, List<AssistingDepartment> assisting,
            List<MaterialInfo> materials, List<FeeInfo> fees) {
        return new ItemData(CENTRE, "ITEM-1", "社会保障卡补换", MEDICAL, assisting, List.of(WINDOW), type, "社会保险法", null,
                null, null, List.of("受理", "办结"), statutory, committed, null, false, fees, materials, true, false, false);
    }

    static List<String> keys(ItemData d) {
        return ItemRules.check(d, DEPTS, WINDOWS).stream().map(v -> v.field() + ":" + v.key()).toList();
    }

    @Test
    void aValidCommittedItemBreaksNoRule() {
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(m("M01"), m("M02")), List.of(fee("F01", "10.00")))))
                .isEmpty();
        assertThat(keys(item(ItemType.COMMITTED, 10, 10, List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void theCommittedLimitIsNeverAboveTheStatutoryOne() {
        assertThat(keys(item(ItemType.COMMITTED, 10, 11, List.of(), List.of(), List.of())))
                .containsExactly("committedLimitDays:catalog.item.committed.aboveStatutory");
        assertThat(keys(item(ItemType.COMMITTED, 10, 0, List.of(), List.of(), List.of())))
                .containsExactly("committedLimitDays:catalog.item.committed.positive");
        assertThat(keys(item(ItemType.COMMITTED, -1, 1, List.of(), List.of(), List.of())))
                .contains("statutoryLimitDays:catalog.item.statutory.range");
    }

    @Test
    void anInstantItemHasZeroDays() {
        assertThat(keys(item(ItemType.INSTANT, 5, 0, List.of(), List.of(), List.of()))).isEmpty();
        assertThat(keys(item(ItemType.INSTANT, 5, 1, List.of(), List.of(), List.of())))
                .containsExactly("committedLimitDays:catalog.item.committed.instant");
    }

    @Test
    void aJointItemNeedsAssistingDepartmentsWithinTheCommittedLimit() {
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(new AssistingDepartment(EMPLOYMENT, 5)), List.of(), List.of())))
                .isEmpty();
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(), List.of(), List.of())))
                .containsExactly("assisting:catalog.item.assisting.required");
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(new AssistingDepartment(EMPLOYMENT, 16)), List.of(), List.of())))
                .containsExactly("assisting[0].limitDays:catalog.item.assisting.limit");
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(new AssistingDepartment(EMPLOYMENT, 0)), List.of(), List.of())))
                .containsExactly("assisting[0].limitDays:catalog.item.assisting.limit");
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(new AssistingDepartment(MEDICAL, 5)), List.of(), List.of())))
                .containsExactly("assisting[0].departmentId:catalog.item.assisting.lead");
        assertThat(keys(item(ItemType.JOINT, 30, 15, List.of(new AssistingDepartment(OTHER_CENTRE_DEPT, 5)), List.of(),
                List.of()))).containsExactly("assisting[0].departmentId:catalog.item.assisting.unknown");
        assertThat(keys(item(ItemType.JOINT, 30, 15,
                List.of(new AssistingDepartment(EMPLOYMENT, 5), new AssistingDepartment(EMPLOYMENT, 3)), List.of(), List.of())))
                .containsExactly("assisting[1].departmentId:catalog.item.assisting.duplicate");
        assertThat(keys(item(ItemType.COMMITTED, 30, 15, List.of(new AssistingDepartment(EMPLOYMENT, 5)), List.of(),
                List.of()))).containsExactly("assisting:catalog.item.assisting.notJoint");
    }

    @Test
    void departmentsAndWindowsBelongToTheCentre() {
        ItemData d = new ItemData(CENTRE, "ITEM-1", "名称", OTHER_CENTRE_DEPT, List.of(), List.of(WINDOW, 77L),
                ItemType.COMMITTED, null, null, null, null, List.of(), 5, 5, null, false, List.of(), List.of(), false, false,
                false);
        assertThat(keys(d)).containsExactly("departmentId:catalog.item.department.unknown",
                "windowIds[1]:catalog.item.window.unknown");
    }

    @Test
    void materialAndFeeCodesAreUniqueAndAmountsExact() {
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(m("M01"), m("M02"), m("M01")), List.of())))
                .containsExactly("materials[2].code:catalog.item.material.code.duplicate");
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(), List.of(fee("F01", "1"), fee("F01", "2")))))
                .containsExactly("fees[1].code:catalog.item.fee.code.duplicate");
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(), List.of(fee("F01", "-0.01")))))
                .containsExactly("fees[0].amount:catalog.item.fee.amount.negative");
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(), List.of(fee("F01", "10.005")))))
                .containsExactly("fees[0].amount:catalog.item.fee.amount.scale");
        // trailing zeros are not extra precision; zero is a valid (free) amount
        assertThat(keys(item(ItemType.COMMITTED, 20, 10, List.of(), List.of(), List.of(fee("F01", "10.5000"), fee("F02", "0")))))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsListed() {
        List<MaterialInfo> materials = new ArrayList<>();
        materials.add(new MaterialInfo(" ", "", MaterialRequirement.REQUIRED, null, 100, null, null));
        ItemData d = new ItemData(CENTRE, "坏 编码", " ", MEDICAL, List.of(), List.of(), ItemType.INSTANT, null, null, null,
                null, List.of(" "), 5, 3, null, false, List.of(), materials, false, false, false);
        assertThat(keys(d)).containsExactly("code:catalog.item.code.pattern", "name:catalog.item.name.blank",
                "committedLimitDays:catalog.item.committed.instant", "steps[0]:catalog.item.step.blank",
                "materials[0].code:catalog.item.material.code.blank", "materials[0].name:catalog.item.material.name.blank",
                "materials[0].copies:catalog.item.material.copies");
    }

    @Test
    void onlyAdminAndTheCentreOfficeOfTheCentreChangeTheCatalogue() {
        for (Role r : Role.values()) {
            CurrentUser u = new CurrentUser(1, "u", "用户", Set.of(r), r == Role.ADMIN ? null : CENTRE, MEDICAL, null);
            CatalogAccess access = new CatalogAccess(() -> Optional.of(u));
            boolean manager = r == Role.ADMIN || r == Role.CENTRE_OFFICE;
            assertThat(access.canManage(CENTRE)).as(r.name()).isEqualTo(manager);
            assertThat(access.canManage(2)).as(r.name()).isEqualTo(r == Role.ADMIN);
            assertThat(access.canSee(CENTRE)).as(r.name()).isTrue();
            if (!manager) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.checkManage(CENTRE))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThat(new CatalogAccess(Optional::empty).canManage(CENTRE)).as("the system outside a request").isTrue();
    }
}
