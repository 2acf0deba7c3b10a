package org.openhall.cases.internal;

/** An online application was submitted (CASE-10); the applicant is told its number once the submission has committed. */
public record ApplicationSubmitted(long applicationId, long centreId, String number) {
}
