package io.kalisocket.demo.controller;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.mvc.Ctx;

/** {@code ct=stats}: what is going on. */
public final class StatsController {

    /**
     * @param clients open connections
     * @param uids users with an open connection
     * @param groups rooms with a member
     */
    public record Online(int clients, int uids, int groups) {
    }

    /**
     * {@code ac=online}.
     *
     * @param ctx the call
     * @return {@code {"clients":N,"uids":N,"groups":N}}
     */
    public Online online(Ctx ctx) {
        Gateway gateway = ctx.gateway();
        return new Online(gateway.getAllClientIdCount(), gateway.getAllUidCount(), gateway.getAllGroupIdList().size());
    }
}
