package org.aapf.application.port.in;

import org.aapf.domain.catalogue.Image;

/** An image as the API shows it: {@code {repositoryName, displayName, description}}. */
public record ImageView(String repositoryName, String displayName, String description) {

    public static ImageView from(Image image) {
        return new ImageView(image.repositoryName(), image.displayName(), image.description());
    }
}
