package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CaseStatus;

/** CASE-8 receipt numbers and payable states, CASE-9 retention and the package's file names. */
class FeeRulesTests {

    @Test
    void receiptNumbersAreReadableByCentreDayAndSequence() {
        assertThat(PaymentReceiptNumbers.format("QX-SSC", LocalDate.of(2026, 11, 23), 7)).isEqualTo("QX-SSC-SF-20261123-0007");
        assertThat(PaymentReceiptNumbers.format("QX-SSC", LocalDate.of(2026, 1, 2), 1)).isEqualTo("QX-SSC-SF-20260102-0001");
        // past 9999 a day the number grows rather than wrapping
        assertThat(PaymentReceiptNumbers.format("A", LocalDate.of(2026, 11, 23), 12345)).isEqualTo("A-SF-20261123-12345");
    }

    @Test
    void noMoneyIsTakenOnARejectedOrArchivedCase() {
        for (CaseStatus s : CaseStatus.values()) {
            FeeCase c = new FeeCase(1, 1, "N", s, 1, "I", "Item", 1, null, "王小明");
            assertThat(c.acceptsPayments()).as(s.name()).isEqualTo(s != CaseStatus.REJECTED && s != CaseStatus.ARCHIVED);
        }
        assertThat(PaymentStatus.VOIDED.counts()).isFalse();
        assertThat(PaymentStatus.VOID_REQUESTED.counts()).isTrue();
    }

    @Test
    void retentionCountsWholeYearsAfterTheYearOfFiling() {
        ArchiveProperties thirty = new ArchiveProperties(30);
        assertThat(thirty.retainUntil(2026)).isEqualTo(2056);
        assertThat(thirty.expired(2026, 2056)).isFalse();
        assertThat(thirty.expired(2026, 2057)).isTrue();
        assertThat(new ArchiveProperties(10).retainUntil(2026)).isEqualTo(2036);
        assertThatThrownBy(() -> new ArchiveProperties(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packageFileNamesCannotLeaveTheirFolderAndCsvCellsCannotBecomeFormulas() {
        assertThat(ArchivePackages.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ArchivePackages.safeName("C:\\材料\\申请表.pdf")).isEqualTo("申请表.pdf");
        assertThat(ArchivePackages.safeName("a:b*c?.pdf")).isEqualTo("a_b_c_.pdf");
        assertThat(ArchivePackages.safeName("..")).isEqualTo("document");
        assertThat(ArchivePackages.csv("=1+1")).isEqualTo("'=1+1");
        assertThat(ArchivePackages.csv("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(ArchivePackages.csv(null)).isEmpty();
    }
}
