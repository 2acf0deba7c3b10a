package org.openhall.shared.web;

/**
 * Marks a page controller (never a REST controller: their refusals are {@link ApiProblems}) whose refusals that the
 * page does not show inline — a {@link org.openhall.shared.DomainException} it lets through — show the error page
 * with the refusal's HTTP status ({@link ErrorPageOnRefusalAdvice}).
 */
public interface ErrorPageOnRefusal {
}
