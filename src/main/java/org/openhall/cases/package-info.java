/**
 * Case handling (办件, CASE-1..10): intake against the catalogue's checklist with its written outcome
 * (受理回执, 一次性告知单, 容缺受理, 不予受理通知书), readable case numbers, processing steps (routing,
 * joint opinions, review), the legal clock in working days with suspension and extension (行政许可法
 * Art. 32, 42, 45, 82), 电子监察 warnings, results and their notification, fees and reconciliation,
 * archive, the applicant's progress query and online application.
 * Public API: the enums and events of this package and {@link org.openhall.cases.CaseApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases (办件)",
        allowedDependencies = {"shared", "security", "calendar", "organization", "catalog", "notification"})
@org.jspecify.annotations.NullMarked
package org.openhall.cases;
