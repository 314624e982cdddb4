package io.kalisocket.internal.auth;

import io.kalisocket.auth.Authenticated;
import io.kalisocket.auth.Principal;
import io.kalisocket.auth.RequiresClaim;
import io.kalisocket.mvc.ActionInterceptor;
import io.kalisocket.mvc.ActionRoute;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import io.kalisocket.mvc.ReplyCode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one action's calls must pass before it runs, prepared once when the routing table is built: the
 * application's interceptors in their order, then {@link Authenticated} (401 without a principal) and every
 * {@link RequiresClaim} of the method and its class (401 without a principal, 403 without the claim).
 */
public final class RouteGuard {

    private static final RouteGuard NONE = new RouteGuard(null, List.of(), false, List.of());

    private final ActionRoute route;
    private final ActionInterceptor[] interceptors;
    private final boolean needsPrincipal;
    private final RequiresClaim[] claims;

    private RouteGuard(ActionRoute route, List<ActionInterceptor> interceptors, boolean needsPrincipal,
            List<RequiresClaim> claims) {
        this.route = route;
        this.interceptors = interceptors.toArray(ActionInterceptor[]::new);
        this.needsPrincipal = needsPrincipal;
        this.claims = claims.toArray(RequiresClaim[]::new);
    }

    /**
     * @param controller the {@code ct}
     * @param action the {@code ac}
     * @param method the action's method, whose annotations (and its class's) are read here, once
     * @param interceptors the application's interceptors, in order
     * @return the guard of that action; one that checks nothing when there is nothing to check
     */
    public static RouteGuard of(String controller, String action, Method method, List<ActionInterceptor> interceptors) {
        List<RequiresClaim> claims = new ArrayList<>(List.of(
                method.getDeclaringClass().getAnnotationsByType(RequiresClaim.class)));
        claims.addAll(List.of(method.getAnnotationsByType(RequiresClaim.class)));
        boolean needsPrincipal = !claims.isEmpty() || method.isAnnotationPresent(Authenticated.class)
                || method.getDeclaringClass().isAnnotationPresent(Authenticated.class);
        if (interceptors.isEmpty() && !needsPrincipal) {
            return NONE;
        }
        return new RouteGuard(new ActionRoute(controller, action, method), interceptors, needsPrincipal, claims);
    }

    /**
     * @param ctx the call, before its arguments are bound
     * @throws KaliException with the reply's code and message when the call may not go on
     */
    public void check(Ctx ctx) {
        for (ActionInterceptor interceptor : interceptors) {
            ActionInterceptor.Verdict verdict = interceptor.before(ctx, route);
            if (!verdict.proceeds()) {
                throw new KaliException(verdict.code(), verdict.message());
            }
        }
        if (!needsPrincipal) {
            return;
        }
        Optional<Principal> principal = ctx.connection().principal();
        if (principal.isEmpty()) {
            throw new KaliException(ReplyCode.UNAUTHORIZED, "not authenticated");
        }
        for (RequiresClaim claim : claims) {
            if (!principal.get().hasClaim(claim.name(), claim.value())) {
                throw new KaliException(ReplyCode.FORBIDDEN, "requires " + claim.name() + "=" + claim.value());
            }
        }
    }
}
