package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CasesFixture;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.QueueServices.ServiceData;
import org.openhall.queue.internal.QueueServices.ServiceView;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Queue services and window assignments: validated field by field with nothing written on bad input,
 * code and prefix unique per centre (409), changed only by the centre office of the centre, every change audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class QueueServicesTests {

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    QueueFixture.Floor f;

    @BeforeEach
    void setUp() {
        f = QueueFixture.create(orgCommands, accounts, services, 2);
    }

    ServiceData data(String code, String prefix, int start, int end) {
        return new ServiceData(f.centreId(), code, "社保卡服务", prefix, start, end, null, 6, null, null, List.of("SBK-01"),
                3, true);
    }

    long rows() {
        return jdbc.sql("select count(*) from q_service").query(Long.class).single()
                + jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }

    static String refused(Supplier<?> action) {
        try {
            action.get();
        } catch (DomainException e) {
            return e.kind() + ":" + (e.field() == null ? e.messageKey() : e.field());
        }
        throw new AssertionError("accepted");
    }

    @Test
    void badServicesAreRefusedFieldByFieldWithNothingWritten() {
        long before = rows();
        assertThat(refused(() -> services.create(data("SBK", "a", 1, 999)))).isEqualTo("INVALID:prefix");
        assertThat(refused(() -> services.create(data("SBK", "ABC", 1, 999)))).isEqualTo("INVALID:prefix");
        assertThat(refused(() -> services.create(data("SBK", "1", 1, 999)))).isEqualTo("INVALID:prefix");
        assertThat(refused(() -> services.create(data("社保卡", "F", 1, 999)))).isEqualTo("INVALID:code");
        assertThat(refused(() -> services.create(data("SBK", "F", 10, 10)))).isEqualTo("INVALID:rangeEnd");
        assertThat(refused(() -> services.create(data("SBK", "F", -1, 10)))).isEqualTo("INVALID:rangeEnd");
        assertThat(refused(() -> services.create(data("SBK", "F", 1, 1_000_000)))).isEqualTo("INVALID:rangeEnd");
        assertThat(refused(() -> services.create(new ServiceData(f.centreId(), "SBK", "社保卡", "F", 1, 99, 0, 6, null, null,
                List.of(), 0, true)))).isEqualTo("INVALID:dailyCap");
        assertThat(refused(() -> services.create(new ServiceData(f.centreId(), "SBK", "社保卡", "F", 1, 99, null, 6, 30, null,
                List.of(), 0, true)))).isEqualTo("INVALID:slotCapacity");
        assertThat(refused(() -> services.create(new ServiceData(f.centreId(), "SBK", " ", "F", 1, 99, null, 6, null, null,
                List.of(), 0, true)))).isEqualTo("INVALID:name");
        // code SB and prefix A are taken in this centre (QueueFixture)
        assertThat(refused(() -> services.create(data("SB", "F", 1, 999)))).isEqualTo("CONFLICT:queue.service.duplicate");
        assertThat(refused(() -> services.create(data("SBK", "A", 1, 999)))).isEqualTo("CONFLICT:queue.service.duplicate");
        assertThat(refused(() -> services.create(new ServiceData(f.centreId() + 100_000, "SBK", "社保卡", "F", 1, 99, null, 6,
                null, null, List.of(), 0, true)))).isEqualTo("NOT_FOUND:queue.centre.notFound");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theCentreOfficeChangesServicesAndAssignmentsAudited() {
        OrgFixture.Org other = OrgFixture.create(orgCommands, accounts);
        long before = rows();
        assertThat(CasesFixture.as(users, other.office(), () -> refused(() -> services.create(data("SBK", "F", 1, 999)))))
                .isEqualTo("FORBIDDEN:queue.settings.forbidden");
        assertThat(CasesFixture.as(users, f.org().clerk(), () -> refused(() -> services.create(data("SBK", "F", 1, 999)))))
                .isEqualTo("FORBIDDEN:queue.settings.forbidden");
        assertThat(rows()).isEqualTo(before);

        ServiceView created = CasesFixture.as(users, f.org().office(), () -> services.create(data("SBK", "F", 1, 999)));
        assertThat(created.prefix()).isEqualTo("F");
        assertThat(created.itemCodes()).containsExactly("SBK-01");
        assertThat(services.serviceByCode(f.centreId(), "SBK")).contains(created);
        // a prefix another centre uses is free here
        assertThat(services.create(new ServiceData(other.centreId(), "SBK", "社保卡服务", "F", 1, 999, null, 6, null, null,
                List.of(), 0, true)).centreId()).isEqualTo(other.centreId());

        ServiceView changed = CasesFixture.as(users, f.org().office(), () -> services.update(created.id(),
                new ServiceData(f.centreId(), "SBK", "社保卡服务", "G", 1, 500, 200, 6, 30, 4, List.of(), 3, true),
                "号码前缀与预约名额调整"));
        assertThat(changed.prefix()).isEqualTo("G");
        assertThat(changed.dailyCap()).isEqualTo(200);
        assertThat(changed.appointments()).isTrue();
        assertThat(refused(() -> services.update(created.id(), data("SBK", "A", 1, 999), "改前缀")))
                .isEqualTo("CONFLICT:queue.service.duplicate");
        List<String> audited = jdbc.sql("""
                select action || ':' || actor from audit_log where entity_type = 'QueueService' and entity_id = :id
                order by id""").param("id", Long.toString(created.id())).query(String.class).list();
        assertThat(audited).containsExactly("CREATE:" + f.org().office(), "UPDATE:" + f.org().office());

        long w = f.windows()[1];
        assertThat(refused(() -> {
            services.assign(w, List.of(f.serviceA()), List.of(f.serviceA()));
            return null;
        })).isEqualTo("INVALID:qualifiedServiceIds");
        assertThat(refused(() -> {
            services.assign(w, List.of(f.serviceA()), List.of(999_999L));
            return null;
        })).isEqualTo("NOT_FOUND:queue.service.notFound");
        services.assign(w, List.of(created.id(), f.serviceA()), List.of(f.serviceB()));
        assertThat(services.servicesOfWindow(w, true)).extracting(ServiceView::id)
                .containsExactlyInAnyOrder(created.id(), f.serviceA());
        assertThat(services.servicesOfWindow(w, false)).extracting(ServiceView::id).last().isEqualTo(f.serviceB());
        assertThat(services.windowsOfService(created.id())).containsExactly(w);
        assertThat(services.windowsOfService(f.serviceB())).contains(w, f.windows()[0]);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'QueueWindowServices' and entity_id = :w")
                .param("w", Long.toString(w)).query(Long.class).single()).isEqualTo(2L);
    }
}
