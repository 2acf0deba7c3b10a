/**
 * Duty rosters (DUTY-1) and swaps (DUTY-2): the solver's model and rules ({@code RosterConstraints}), planning,
 * editing and publishing ({@code Rosters}), swaps and substitutes ({@code Swaps}). Exposed as the named interface
 * {@code duty :: rosters} to the demo loader only; the other modules read {@link org.openhall.duty.DutyApi}.
 */
@org.springframework.modulith.NamedInterface("rosters")
@org.jspecify.annotations.NullMarked
package org.openhall.duty.internal.roster;
