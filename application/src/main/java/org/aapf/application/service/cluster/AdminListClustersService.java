package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.AdminListClustersQuery;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterDirectory;
import org.aapf.application.port.out.ClusterDirectory.OwnedCluster;
import org.aapf.application.port.out.ClusterDirectory.PageKey;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.error.AapfException;

/**
 * Pages through every user's clusters by owner, then name. The cursor is the last cluster's owner and name, so a page
 * costs the same however deep into 10,000 clusters it is, and clusters created or deleted meanwhile shift nothing.
 */
public final class AdminListClustersService implements AdminListClustersQuery {

    private static final String SEPARATOR = "\n";
    private static final String BAD_CURSOR = "'cursor' must be a nextCursor this server gave out";

    private final ClusterDirectory directory;
    private final CatalogueSource catalogue;

    @Inject
    public AdminListClustersService(ClusterDirectory directory, CatalogueSource catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
    }

    @Override
    public ClusterPage list(ClusterPageRequest request) {
        if (request.limit() < 1 || request.limit() > ClusterPageRequest.MAX_LIMIT) {
            throw AapfException.invalid("'limit' must be between 1 and " + ClusterPageRequest.MAX_LIMIT);
        }
        Optional<PageKey> after = request.cursor().map(AdminListClustersService::decode);
        List<OwnedCluster> found = directory.page(request.owner(), request.status(), after, request.limit() + 1);
        boolean more = found.size() > request.limit();
        List<OwnedCluster> page = more ? found.subList(0, request.limit()) : found;
        Catalogue current = catalogue.current();
        List<OwnedClusterView> views = page.stream()
                .map(owned -> new OwnedClusterView(owned.owner(), ClusterViews.of(owned.cluster(), current)))
                .toList();
        Optional<String> next = more
                ? Optional.of(encode(page.getLast().owner(), page.getLast().cluster().name().value()))
                : Optional.empty();
        return new ClusterPage(views, next);
    }

    private static String encode(String owner, String name) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((owner + SEPARATOR + name).getBytes(StandardCharsets.UTF_8));
    }

    private static PageKey decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int split = text.indexOf(SEPARATOR);
            if (split < 1 || split == text.length() - 1) {
                throw AapfException.invalid(BAD_CURSOR);
            }
            return new PageKey(text.substring(0, split), text.substring(split + 1));
        } catch (IllegalArgumentException e) {
            throw AapfException.invalid(BAD_CURSOR);
        }
    }
}
