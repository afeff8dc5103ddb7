package org.aapf.adapter.in.http;

import org.aapf.application.port.in.ImageView;

/** An image as written by the catalogue and cluster responses: {@code {repositoryName, displayName, description}}. */
record ImageBody(String repositoryName, String displayName, String description) {

    static ImageBody from(ImageView image) {
        return new ImageBody(image.repositoryName(), image.displayName(), image.description());
    }
}
