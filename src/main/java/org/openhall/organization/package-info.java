/**
 * Centres, departments and stationed units (派驻单位), staff, windows with their A/B posts, post
 * history (轮岗), training records, staff badges and window cards (ORG-1..5, ORG-4a).
 * Public API: {@link org.openhall.organization.OrganizationApi} (read-only, for the hall modules),
 * {@link org.openhall.organization.OrganizationCommands} (creating records, for loaders and imports)
 * and the records and enums of this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "calendar"})
@org.jspecify.annotations.NullMarked
package org.openhall.organization;
