/**
 * The service catalogue (服务项目目录, CAT-1..3): service items (事项) with their type, legal basis,
 * steps, statutory and committed limits in working days, fees, materials with sample forms, online and
 * appointment flags and green-channel eligibility; versioned, so that a case keeps the version it was
 * received under; public printable guides (办事指南), a searchable catalogue and Excel import.
 * Public API: {@link org.openhall.catalog.CatalogApi} and the records of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue",
        allowedDependencies = {"shared", "security", "calendar", "organization"})
@org.jspecify.annotations.NullMarked
package org.openhall.catalog;
