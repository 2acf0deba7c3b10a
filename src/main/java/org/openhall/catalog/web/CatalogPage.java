package org.openhall.catalog.web;

/** Marks the catalogue's page controllers (not the REST API) for {@link CatalogPageAdvice}. */
interface CatalogPage {
}
