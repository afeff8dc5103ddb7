package org.aapf.application.port.in;

import java.util.List;

/** Lists the catalogue's images, sorted by repository name ({@code GET /images}). */
public interface ListImagesQuery {

    List<ImageView> list();
}
