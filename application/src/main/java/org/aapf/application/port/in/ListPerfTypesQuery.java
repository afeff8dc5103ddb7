package org.aapf.application.port.in;

import java.util.List;

/** Lists the catalogue's performance types, sorted by name ({@code GET /perf-types}). */
public interface ListPerfTypesQuery {

    List<PerfTypeView> list();
}
