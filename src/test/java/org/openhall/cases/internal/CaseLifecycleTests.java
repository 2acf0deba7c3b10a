package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhall.cases.CaseStatus.ACCEPTED;
import static org.openhall.cases.CaseStatus.ARCHIVED;
import static org.openhall.cases.CaseStatus.COMPLETED;
import static org.openhall.cases.CaseStatus.CORRECTION_REQUIRED;
import static org.openhall.cases.CaseStatus.PROCESSING;
import static org.openhall.cases.CaseStatus.REJECTED;
import static org.openhall.cases.CaseStatus.SUSPENDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.internal.CaseLifecycle.Command;
import org.openhall.shared.DomainException;

/**
 * CASE-1..9: the case lifecycle's transition table, cell by cell — every allowed transition leads exactly where the
 * table says, every other status × command is refused with a 409 and a Chinese message key.
 */
class CaseLifecycleTests {

    /** The expected table, written out independently of the implementation. */
    static final Map<CaseStatus, Map<Command, Set<CaseStatus>>> EXPECTED = new EnumMap<>(CaseStatus.class);

    static void row(CaseStatus from, Object... pairs) {
        Map<Command, Set<CaseStatus>> m = new EnumMap<>(Command.class);
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<CaseStatus> to = (Set<CaseStatus>) pairs[i + 1];
            m.put((Command) pairs[i], to);
        }
        EXPECTED.put(from, m);
    }

    static {
        row(CORRECTION_REQUIRED, Command.SUPPLEMENT, Set.of(CORRECTION_REQUIRED, ACCEPTED), Command.REJECT, Set.of(REJECTED));
        row(ACCEPTED, Command.SUPPLEMENT, Set.of(ACCEPTED), Command.OPINION, Set.of(ACCEPTED), Command.REVIEW, Set.of(ACCEPTED),
                Command.EXTEND, Set.of(ACCEPTED), Command.ROUTE, Set.of(PROCESSING), Command.SUSPEND, Set.of(SUSPENDED),
                Command.COMPLETE, Set.of(COMPLETED));
        row(PROCESSING, Command.SUPPLEMENT, Set.of(PROCESSING), Command.OPINION, Set.of(PROCESSING),
                Command.REVIEW, Set.of(PROCESSING), Command.EXTEND, Set.of(PROCESSING), Command.ROUTE, Set.of(PROCESSING),
                Command.SUSPEND, Set.of(SUSPENDED), Command.COMPLETE, Set.of(COMPLETED));
        row(SUSPENDED, Command.RESUME, Set.of(ACCEPTED, PROCESSING), Command.SUPPLEMENT, Set.of(SUSPENDED, ACCEPTED, PROCESSING),
                Command.OPINION, Set.of(SUSPENDED));
        row(COMPLETED, Command.DELIVER, Set.of(COMPLETED), Command.ARCHIVE, Set.of(ARCHIVED));
        row(REJECTED, Command.ARCHIVE, Set.of(ARCHIVED));
        row(ARCHIVED);
    }

    @Test
    void everyCellOfTheTable() {
        int allowed = 0;
        int refused = 0;
        for (CaseStatus status : CaseStatus.values()) {
            for (Command command : Command.values()) {
                Set<CaseStatus> expected = EXPECTED.get(status).getOrDefault(command, Set.of());
                assertThat(CaseLifecycle.targets(status, command)).as(status + " × " + command).isEqualTo(expected);
                assertThat(CaseLifecycle.allows(status, command)).as(status + " × " + command).isEqualTo(!expected.isEmpty());
                if (expected.isEmpty()) {
                    refused++;
                    assertThatThrownBy(() -> CaseLifecycle.check(status, command)).as(status + " × " + command)
                            .isInstanceOfSatisfying(DomainException.class, e -> {
                                assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                                assertThat(e.messageKey()).startsWith("cases.lifecycle.");
                            });
                    for (CaseStatus target : CaseStatus.values()) {
                        assertThatThrownBy(() -> CaseLifecycle.transition(status, command, target))
                                .isInstanceOf(DomainException.class);
                    }
                } else {
                    allowed++;
                    CaseLifecycle.check(status, command);
                    for (CaseStatus target : CaseStatus.values()) {
                        if (expected.contains(target)) {
                            assertThat(CaseLifecycle.transition(status, command, target)).isEqualTo(target);
                        } else {
                            assertThatThrownBy(() -> CaseLifecycle.transition(status, command, target))
                                    .as(status + " × " + command + " → " + target).isInstanceOf(IllegalStateException.class);
                        }
                    }
                }
            }
        }
        assertThat(allowed).isEqualTo(22);
        assertThat(refused).isEqualTo(CaseStatus.values().length * Command.values().length - 22);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThat(key(ARCHIVED, Command.SUPPLEMENT)).isEqualTo("cases.lifecycle.archived");
        for (Command c : Command.values()) {
            assertThat(key(ARCHIVED, c)).isEqualTo("cases.lifecycle.archived");
        }
        for (CaseStatus s : EnumSet.of(CORRECTION_REQUIRED, ACCEPTED, PROCESSING, COMPLETED, REJECTED)) {
            assertThat(key(s, Command.RESUME)).isEqualTo("cases.lifecycle.notSuspended");
        }
        assertThat(key(COMPLETED, Command.COMPLETE)).isEqualTo("cases.lifecycle.alreadyCompleted");
        assertThat(key(REJECTED, Command.COMPLETE)).isEqualTo("cases.lifecycle.alreadyCompleted");
        assertThat(key(SUSPENDED, Command.COMPLETE)).isEqualTo("cases.lifecycle.suspended");
        assertThat(key(CORRECTION_REQUIRED, Command.COMPLETE)).isEqualTo("cases.lifecycle.refused");
        assertThat(CaseLifecycle.commands(ARCHIVED)).isEmpty();
        assertThat(CaseLifecycle.commands(COMPLETED)).containsExactlyInAnyOrder(Command.DELIVER, Command.ARCHIVE);
        assertThat(CaseLifecycle.INTAKE_OUTCOMES).containsExactlyInAnyOrder(ACCEPTED, CORRECTION_REQUIRED, REJECTED);
    }

    static String key(CaseStatus s, Command c) {
        try {
            CaseLifecycle.check(s, c);
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError(s + " × " + c + " was allowed");
    }
}
