package org.aapf.embedded.catalogue;

/** An unreadable or invalid catalogue; the message names the file, the key and what is wrong, in one line. */
public final class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
