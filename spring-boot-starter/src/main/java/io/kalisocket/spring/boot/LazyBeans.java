package io.kalisocket.spring.boot;

import java.util.function.Supplier;
import org.springframework.aop.TargetSource;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Beans that exist in the context from the start but stand for parts that exist only once the server runs (its
 * gateway, a cluster's cache): each call goes to the part of the running server, and fails with a clear message
 * before the start.
 */
final class LazyBeans {

    private LazyBeans() {
    }

    /**
     * @param type the interface the bean is injected as
     * @param target finds the current part; throws {@link IllegalStateException} while there is none
     * @param <T> the interface
     * @return a proxy that calls the current part
     */
    static <T> T of(Class<T> type, Supplier<? extends T> target) {
        ProxyFactory proxy = new ProxyFactory();
        proxy.addInterface(type);
        proxy.setTargetSource(new TargetSource() {
            @Override
            public Class<?> getTargetClass() {
                return type;
            }

            @Override
            public Object getTarget() {
                return target.get();
            }
        });
        return type.cast(proxy.getProxy(LazyBeans.class.getClassLoader()));
    }
}
