package org.openhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CAT-1, CAT-3: items through CatalogApi and CatalogCommands, versioned, validated and audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogServiceTests {

    @Autowired
    CatalogCommands commands;

    @Autowired
    CatalogApi catalog;

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        o = OrgFixture.create(org, accounts);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void theFixtureBuildsFourRealisticItems() {
        ItemVersion c = CatalogFixture.committed(commands, o);
        ItemVersion i = CatalogFixture.instant(commands, o);
        ItemVersion j = CatalogFixture.joint(commands, o);
        ItemVersion r = CatalogFixture.reviewRequired(commands, o);
        assertThat(catalog.currentItems(o.centreId())).extracting(ItemVersion::code)
                .containsExactlyInAnyOrder(c.code(), i.code(), j.code(), r.code());

        ItemVersion read = catalog.currentItem(o.centreId(), c.code()).orElseThrow();
        assertThat(read).isEqualTo(c);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.type()).isEqualTo(ItemType.COMMITTED);
        assertThat(read.statutoryLimitDays()).isEqualTo(20);
        assertThat(read.committedLimitDays()).isEqualTo(10);
        assertThat(read.materials()).extracting(MaterialInfo::code).containsExactly("M01", "M02", "M03", "M04", "M05");
        assertThat(read.materials()).extracting(MaterialInfo::requirement).containsExactly(MaterialRequirement.REQUIRED,
                MaterialRequirement.REQUIRED, MaterialRequirement.REQUIRED, MaterialRequirement.DEFERRABLE,
                MaterialRequirement.OPTIONAL);
        assertThat(read.fee("F01").orElseThrow().amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(read.windowIds()).containsExactly(o.windowId());
        assertThat(read.current()).isTrue();
        assertThat(read.active()).isTrue();

        assertThat(i.committedLimitDays()).isZero();
        assertThat(j.assisting()).containsExactly(new AssistingDepartment(o.employment(), 5));
        assertThat(j.departmentId()).isEqualTo(o.medical());
        assertThat(r.reviewRequired()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'CatalogItem' and action = 'CREATE' and centre_id = :c")
                .param("c", o.centreId()).query(Long.class).single()).isEqualTo(4L);
    }

    @Test
    void aRevisionIsANewCurrentVersionAndTheOldOneStaysReadable() {
        ItemVersion v1 = CatalogFixture.committed(commands, o);
        ItemData d = CatalogFixture.committedData(o);
        List<MaterialInfo> materials = new ArrayList<>(v1.materials());
        materials.add(new MaterialInfo("M06", "银行卡复印件", MaterialRequirement.REQUIRED, "复印件", 1, null, null));
        ItemData changed = new ItemData(o.centreId(), v1.code(), "门诊慢特病待遇认定（修订）", d.departmentId(), d.assisting(),
                d.windowIds(), d.type(), d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(), 20, 8,
                null, d.reviewRequired(), List.of(), materials, true, d.appointment(), d.greenChannel());

        ItemVersion v2 = commands.revise(v1.itemId(), changed);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.itemId()).isEqualTo(v1.itemId());
        assertThat(v2.versionId()).isNotEqualTo(v1.versionId());
        assertThat(catalog.currentItem(o.centreId(), v1.code()).orElseThrow().versionId()).isEqualTo(v2.versionId());

        ItemVersion old = catalog.version(v1.versionId()).orElseThrow();
        assertThat(old.current()).isFalse();
        assertThat(old.name()).isEqualTo("门诊慢特病待遇认定");
        assertThat(old.committedLimitDays()).isEqualTo(10);
        assertThat(old.materials()).hasSize(5);
        assertThat(old.fees()).hasSize(1);
        ItemVersion current = catalog.version(v2.versionId()).orElseThrow();
        assertThat(current.materials()).hasSize(6);
        assertThat(current.fees()).isEmpty();
        assertThat(current.online()).isTrue();
    }

    @Test
    void badDataWritesNothing() {
        ItemVersion v1 = CatalogFixture.committed(commands, o);
        long items = count("cat_item");
        long versions = count("cat_item_version");
        long audits = catalogAudits();

        ItemData d = CatalogFixture.committedData(o);
        ItemData tooLong = new ItemData(d.centreId(), d.code(), d.name(), d.departmentId(), d.assisting(), d.windowIds(),
                d.type(), d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(), 10, 11, null, false,
                d.fees(), d.materials(), false, false, false);
        assertThatThrownBy(() -> commands.createItem(tooLong)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.field()).isEqualTo("committedLimitDays");
            assertThat(e.messageKey()).isEqualTo("catalog.item.committed.aboveStatutory");
        });

        ItemData sameCode = new ItemData(d.centreId(), v1.code(), d.name(), d.departmentId(), d.assisting(), d.windowIds(),
                d.type(), d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(), 20, 10, null, false,
                d.fees(), d.materials(), false, false, false);
        assertThatThrownBy(() -> commands.createItem(sameCode)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));

        // the code of an item never changes
        assertThatThrownBy(() -> commands.revise(v1.itemId(), d)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalog.item.code.fixed"));

        // a department of another centre
        OrgFixture.Org other = OrgFixture.create(org, accounts);
        long versionsNow = count("cat_item_version");
        ItemData foreign = new ItemData(d.centreId(), CatalogFixture.code(), d.name(), other.medical(), d.assisting(),
                d.windowIds(), d.type(), null, null, null, null, d.steps(), 20, 10, null, false, d.fees(), d.materials(),
                false, false, false);
        assertThatThrownBy(() -> commands.createItem(foreign)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalog.item.department.unknown"));

        assertThat(count("cat_item")).isEqualTo(items);
        assertThat(count("cat_item_version")).isEqualTo(versions).isEqualTo(versionsNow);
        assertThat(catalogAudits()).isEqualTo(audits);
    }

    long catalogAudits() {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'CatalogItem'").query(Long.class).single();
    }

    @Test
    void aDeactivatedItemIsNoLongerOfferedButItsVersionsStay() {
        ItemVersion v1 = CatalogFixture.instant(commands, o);
        commands.deactivate(v1.itemId());
        assertThat(catalog.currentItem(o.centreId(), v1.code())).isEmpty();
        assertThat(catalog.currentItems(o.centreId())).extracting(ItemVersion::code).doesNotContain(v1.code());
        ItemVersion kept = catalog.version(v1.versionId()).orElseThrow();
        assertThat(kept.active()).isFalse();
        assertThat(kept.current()).isTrue();
        assertThatThrownBy(() -> commands.revise(v1.itemId(), CatalogFixture.instantData(o)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> commands.deactivate(v1.itemId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'CatalogItem' and action = 'DEACTIVATE' and entity_id = :id")
                .param("id", Long.toString(v1.itemId())).query(Long.class).single()).isEqualTo(1L);
    }
}
