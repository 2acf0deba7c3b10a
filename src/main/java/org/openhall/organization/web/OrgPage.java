package org.openhall.organization.web;

/** Marks the organisation's page controllers (not the REST API) for {@link OrgPageAdvice}. */
interface OrgPage {
}
