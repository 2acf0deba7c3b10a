package org.openhall.cases.internal;

import static org.openhall.cases.CaseStatus.ACCEPTED;
import static org.openhall.cases.CaseStatus.ARCHIVED;
import static org.openhall.cases.CaseStatus.COMPLETED;
import static org.openhall.cases.CaseStatus.CORRECTION_REQUIRED;
import static org.openhall.cases.CaseStatus.PROCESSING;
import static org.openhall.cases.CaseStatus.REJECTED;
import static org.openhall.cases.CaseStatus.SUSPENDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.shared.DomainException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The life of a case as an explicit transition table: status × command → the statuses the command may lead to
 * (CASE-1..5a, CASE-7, CASE-9). A command not in the table for a status is refused with a 409 and a Chinese
 * message; nothing is written. The table:
 *
 * <pre>
 * (new)               INTAKE      → ACCEPTED | CORRECTION_REQUIRED | REJECTED
 * CORRECTION_REQUIRED SUPPLEMENT  → CORRECTION_REQUIRED | ACCEPTED      REJECT → REJECTED
 * ACCEPTED            SUPPLEMENT, OPINION, REVIEW, EXTEND → ACCEPTED     ROUTE → PROCESSING
 *                     SUSPEND → SUSPENDED                                COMPLETE → COMPLETED
 * PROCESSING          SUPPLEMENT, OPINION, REVIEW, EXTEND, ROUTE → PROCESSING
 *                     SUSPEND → SUSPENDED                                COMPLETE → COMPLETED
 * SUSPENDED           RESUME → the status it was suspended from (ACCEPTED | PROCESSING)
 *                     SUPPLEMENT → SUSPENDED, or resumed when the clock stood still for the supplement
 *                     OPINION → SUSPENDED (an assisting department may answer while the clock stands still)
 * COMPLETED           DELIVER → COMPLETED                                ARCHIVE → ARCHIVED
 * REJECTED            ARCHIVE → ARCHIVED
 * ARCHIVED            nothing: 已归档，只读 (CASE-9)
 * </pre>
 */
public final class CaseLifecycle {

    /** What may be done to a case. */
    public enum Command {
        INTAKE, SUPPLEMENT, REJECT, ROUTE, OPINION, REVIEW, SUSPEND, RESUME, EXTEND, COMPLETE, DELIVER, ARCHIVE
    }

    private static final Map<CaseStatus, Map<Command, Set<CaseStatus>>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        for (CaseStatus s : CaseStatus.values()) {
            TABLE.put(s, new EnumMap<>(Command.class));
        }
        allow(CORRECTION_REQUIRED, Command.SUPPLEMENT, CORRECTION_REQUIRED, ACCEPTED);
        allow(CORRECTION_REQUIRED, Command.REJECT, REJECTED);
        for (CaseStatus running : new CaseStatus[] {ACCEPTED, PROCESSING}) {
            allow(running, Command.SUPPLEMENT, running);
            allow(running, Command.OPINION, running);
            allow(running, Command.REVIEW, running);
            allow(running, Command.EXTEND, running);
            allow(running, Command.ROUTE, PROCESSING);
            allow(running, Command.SUSPEND, SUSPENDED);
            allow(running, Command.COMPLETE, COMPLETED);
        }
        allow(SUSPENDED, Command.RESUME, ACCEPTED, PROCESSING);
        allow(SUSPENDED, Command.SUPPLEMENT, SUSPENDED, ACCEPTED, PROCESSING);
        allow(SUSPENDED, Command.OPINION, SUSPENDED);
        allow(COMPLETED, Command.DELIVER, COMPLETED);
        allow(COMPLETED, Command.ARCHIVE, ARCHIVED);
        allow(REJECTED, Command.ARCHIVE, ARCHIVED);
    }

    /** The outcomes of an intake (the case does not exist before). */
    public static final Set<CaseStatus> INTAKE_OUTCOMES = Collections.unmodifiableSet(
            EnumSet.of(ACCEPTED, CORRECTION_REQUIRED, REJECTED));

    private CaseLifecycle() {
    }

    private static void allow(CaseStatus from, Command command, CaseStatus... to) {
        TABLE.get(from).put(command, Collections.unmodifiableSet(EnumSet.of(to[0], to)));
    }

    /** Whether {@code command} may be applied to a case in {@code status}. */
    public static boolean allows(CaseStatus status, Command command) {
        return TABLE.get(status).containsKey(command);
    }

    /** The statuses {@code command} may lead to from {@code status}; empty if refused. */
    public static Set<CaseStatus> targets(CaseStatus status, Command command) {
        return TABLE.get(status).getOrDefault(command, Set.of());
    }

    /** The commands allowed in {@code status} (for pages: which buttons to show). */
    public static Set<Command> commands(CaseStatus status) {
        Set<Command> s = EnumSet.noneOf(Command.class);
        s.addAll(TABLE.get(status).keySet());
        return s;
    }

    /** Refuses (409) a command the table does not allow in {@code status}. */
    public static void check(CaseStatus status, Command command) {
        if (!allows(status, command)) {
            throw refusal(status, command);
        }
    }

    /**
     * Checks that {@code command} may move a case from {@code status} to {@code target}; a target outside the table
     * is a programming error, not the user's.
     */
    public static CaseStatus transition(CaseStatus status, Command command, CaseStatus target) {
        check(status, command);
        if (!targets(status, command).contains(target)) {
            throw new IllegalStateException(command + " cannot lead from " + status + " to " + target);
        }
        return target;
    }

    /** The 409 for a refused command, with the most helpful Chinese message. */
    public static DomainException refusal(@Nullable CaseStatus status, Command command) {
        if (status == ARCHIVED) {
            return DomainException.conflict("cases.lifecycle.archived");
        }
        if (command == Command.RESUME) {
            return DomainException.conflict("cases.lifecycle.notSuspended");
        }
        if (command == Command.COMPLETE && (status == COMPLETED || status == REJECTED)) {
            return DomainException.conflict("cases.lifecycle.alreadyCompleted");
        }
        if (status == SUSPENDED) {
            return DomainException.conflict("cases.lifecycle.suspended",
                    new DefaultMessageSourceResolvable("cases.command." + command.name()));
        }
        return DomainException.conflict("cases.lifecycle.refused",
                new DefaultMessageSourceResolvable(status == null ? "cases.status.NEW" : "cases.status." + status.name()),
                new DefaultMessageSourceResolvable("cases.command." + command.name()));
    }
}
