/** Catalogue queries: the images and performance types users may pick. */
package org.aapf.application.service.catalogue;
