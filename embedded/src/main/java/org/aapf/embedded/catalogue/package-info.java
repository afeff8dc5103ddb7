/** The operator's catalogue of images and performance types, read from YAML and reloaded when the file changes. */
package org.aapf.embedded.catalogue;
