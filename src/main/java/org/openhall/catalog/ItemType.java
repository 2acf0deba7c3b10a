package org.openhall.catalog;

/** The kind of a service item (CAT-1; 業務辦理流程規範: 即办件, 承诺件, 联办件, 上报件). */
public enum ItemType {
    /** 即办件: finished at the window the same day (CASE-5). */
    INSTANT,
    /** 承诺件: finished by the committed number of working days. */
    COMMITTED,
    /** 联办件: a lead department plus assisting departments, each with its own limit (CASE-5a). */
    JOINT,
    /** 上报件: decided by a higher authority; the centre receives, forwards and delivers. */
    FORWARDED
}
