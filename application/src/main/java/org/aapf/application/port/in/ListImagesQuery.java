package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** Lists the catalogue's images, sorted by repository name ({@code GET /images}). */
public interface ListImagesQuery {

    /** What {@code viewer} sees: the whole catalogue, or what their groups are granted. */
    List<ImageView> list(UserId viewer);
}
