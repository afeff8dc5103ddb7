package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** Lists the catalogue's performance types, sorted by name ({@code GET /perf-types}). */
public interface ListPerfTypesQuery {

    /** What {@code viewer} sees: the whole catalogue, or what their groups are granted. */
    List<PerfTypeView> list(UserId viewer);
}
