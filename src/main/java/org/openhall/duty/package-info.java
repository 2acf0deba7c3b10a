/**
 * Duty (DUTY-1..DUTY-7): duty rosters planned by a constraint solver (值班表/排班表) with swaps and substitutes, the
 * supervisor's day (督导员: opening and closing checklists, inspections, duty log, handover), leaders on duty (领导坐班,
 * 带班) and incidents (突发事件). Public API: {@link org.openhall.duty.DutyApi}, its records and enums.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Duty (值班)",
        allowedDependencies = {"shared", "security", "calendar", "organization", "notification", "attendance"})
@org.jspecify.annotations.NullMarked
package org.openhall.duty;
