package org.aapf.adapter.in.http;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

/**
 * Registers a resource's routes and remembers which methods each path has, so that any other method on a known path
 * is answered with 405 and an {@code Allow} header instead of 404.
 */
final class Endpoints {

    private final HttpRules rules;
    private final Map<String, Set<Method>> methodsByPath = new LinkedHashMap<>();

    private Endpoints(HttpRules rules) {
        this.rules = rules;
    }

    static Endpoints on(HttpRules rules) {
        return new Endpoints(rules);
    }

    Endpoints get(String path, Handler handler) {
        return route(Method.GET, path, handler);
    }

    Endpoints post(String path, Handler handler) {
        return route(Method.POST, path, handler);
    }

    Endpoints put(String path, Handler handler) {
        return route(Method.PUT, path, handler);
    }

    Endpoints patch(String path, Handler handler) {
        return route(Method.PATCH, path, handler);
    }

    Endpoints delete(String path, Handler handler) {
        return route(Method.DELETE, path, handler);
    }

    /** Call last: the 405 routes must come after every real route of the same path. */
    void otherMethodsNotAllowed() {
        methodsByPath.forEach((path, methods) -> rules.any(path, (req, res) -> {
            throw HttpProblem.methodNotAllowed(req.prologue().method(), methods);
        }));
    }

    private Endpoints route(Method method, String path, Handler handler) {
        rules.route(method, path, handler);
        methodsByPath.computeIfAbsent(path, it -> new LinkedHashSet<>()).add(method);
        return this;
    }
}
