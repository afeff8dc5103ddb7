package org.aapf.application.port.out;

import org.aapf.domain.catalogue.Catalogue;

/**
 * Supplies the operator's current catalogue (e.g. loaded from a YAML file, possibly reloaded when it changes).
 * Called on every request and every reconcile pass: must be cheap (return a cached, immutable {@link Catalogue}).
 */
@FunctionalInterface
public interface CatalogueSource {

    Catalogue current();
}
