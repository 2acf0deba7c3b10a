package org.openhall.cases;

/** 电子监察 (CASE-5): yellow before the deadline, red when overdue. */
public enum WarningLevel { NONE, YELLOW, RED }
