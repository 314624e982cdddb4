package io.kalisocket.internal.stats;

/** Sees every action that ran, e.g. to record its latency in a histogram per controller and action. */
@FunctionalInterface
public interface ActionObserver {

    /**
     * @param controller the {@code ct} of the route that ran
     * @param action the {@code ac} of the route that ran
     * @param code the reply code (0 when it succeeded, also for void actions)
     * @param nanos how long the action took, from the start of the invocation to its return
     */
    void actionCompleted(String controller, String action, int code, long nanos);
}
