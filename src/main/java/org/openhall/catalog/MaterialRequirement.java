package org.openhall.catalog;

/** Whether a material must be handed in (CAT-1, CASE-1). */
public enum MaterialRequirement {
    /** Must be present at acceptance. */
    REQUIRED,
    /** Helpful, never a reason to refuse or to issue a correction notice. */
    OPTIONAL,
    /** Required, but a minor material that may be supplied later against a signed commitment (容缺受理). */
    DEFERRABLE
}
