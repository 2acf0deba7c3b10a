package org.openhall.duty.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.DutyRole;

/** What the roster pages and tests read (DUTY-1, DUTY-2). */
public final class RosterViews {

    private RosterViews() {
    }

    public record Roster(long id, long centreId, LocalDate firstDay, LocalDate lastDay, RosterKind kind,
            RosterStatus status, int cycleWeeks, @Nullable String solverScore, Instant createdAt, String createdBy,
            @Nullable Instant publishedAt, @Nullable String publishedBy, int version) {
    }

    /** One duty in a roster with names resolved; {@code removed} for a duty staff taken off the day. */
    public record Duty(long id, long rosterId, LocalDate day, DutyRole role, long staffId, String staffName,
            @Nullable Long departmentId, @Nullable String departmentName, @Nullable Long servedByStaffId,
            @Nullable String servedByName, boolean removed, boolean superseded) {

        public long servingStaffId() {
            return servedByStaffId != null ? servedByStaffId : staffId;
        }
    }

    /**
     * Something wrong with a day of a roster. Blocking warnings refuse publishing.
     *
     * @param key  message key {@code duty.roster.warning.*}
     * @param args its arguments (day first)
     */
    public record Warning(LocalDate day, String key, List<Object> args, boolean blocking) {
    }

    /** A roster with its duties, the days it plans with their turn departments, and its warnings. */
    public record Detail(Roster roster, List<Duty> duties, List<PlanDayView> days, List<Warning> warnings) {

        public List<Duty> on(LocalDate day) {
            return duties.stream().filter(d -> d.day().equals(day) && !d.removed()).toList();
        }
    }

    public record PlanDayView(LocalDate day, boolean working, @Nullable String turnDepartment) {
    }

    /** A swap or substitute filed with the centre office (DUTY-2). */
    public record SwapRequest(long id, long centreId, String kind, long assignmentId, LocalDate day, DutyRole role,
            long staffId, String staffName, long substituteStaffId, String substituteName,
            @Nullable Long returnAssignmentId, @Nullable LocalDate returnDay, String reason, String status,
            Instant filedAt, String filedBy, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
    }
}
