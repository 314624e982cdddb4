package io.kalisocket.internal.lifecycle;

import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a graceful stop that ends with exit status 0, as a service manager expects of a
 * clean stop (a JVM shutdown hook alone would exit 143). Uses {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}) through reflection; where it is missing, the caller falls back to a shutdown hook.
 */
public final class ShutdownSignals {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private ShutdownSignals() {
    }

    /**
     * Installs the handlers. Each signal starts {@code stop} on a thread of its own; a second signal while
     * stopping is logged and otherwise ignored (the drain has its own deadline).
     *
     * @param stop the graceful stop; runs at most once
     * @return true when the handlers are installed, false when this JVM cannot handle signals
     */
    public static boolean install(Runnable stop) {
        Runnable once = new Once(stop);
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            log.info("SIG{} received: stopping gracefully", signalName(args[0]));
                            Thread stopper = new Thread(once, "kali-stop");
                            stopper.start();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "KaliSocketSignalHandler";
                        };
                    });
            for (String name : SIGNALS) {
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.debug("signal handlers unavailable ({}); using a shutdown hook", e.toString());
            return false;
        }
    }

    /** Gives SIGTERM and SIGINT back to the JVM's own handling (a start that failed after {@link #install}). */
    public static void uninstall() {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object jvmDefault = handlerType.getField("SIG_DFL").get(null);
            for (String name : SIGNALS) {
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, jvmDefault);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.debug("signal handlers not restored ({})", e.toString());
        }
    }

    private static String signalName(Object signal) {
        try {
            return (String) signal.getClass().getMethod("getName").invoke(signal);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    /** Runs its task on the first call only. */
    private static final class Once implements Runnable {
        private final Runnable task;
        private boolean started;

        Once(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (started) {
                    log.info("already stopping");
                    return;
                }
                started = true;
            }
            task.run();
        }
    }
}
