package io.kalisocket.spring.boot;

import io.kalisocket.mvc.Controller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The application's KaliSocket controllers: every bean whose class carries {@link Controller}, and every bean
 * {@link ControllerScanner} registered from {@code kalisocket.controllers}, made by Spring with its dependencies
 * injected.
 */
final class ControllerBeans {

    /** The attribute {@link ControllerScanner} puts on the definitions it registers. */
    static final String MARK = ControllerBeans.class.getName() + ".scanned";

    private final ConfigurableListableBeanFactory beans;

    ControllerBeans(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    /** @return the controller instances, in bean definition order */
    List<Object> instances() {
        Map<String, Object> found = new LinkedHashMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            if (Boolean.TRUE.equals(beans.getBeanDefinition(name).getAttribute(MARK))) {
                found.put(name, beans.getBean(name));
            }
        }
        beans.getBeansWithAnnotation(Controller.class).forEach(found::putIfAbsent);
        found.values().forEach(ControllerBeans::rejectProxy);
        return List.copyOf(found.values());
    }

    /** @return where controllers' classes and static files are looked up */
    ClassLoader classLoader() {
        ClassLoader loader = beans.getBeanClassLoader();
        return loader != null ? loader : ControllerBeans.class.getClassLoader();
    }

    /** Actions are looked up on the instance's class: a JDK proxy of a controller would have none. */
    private static void rejectProxy(Object bean) {
        if (AopUtils.isJdkDynamicProxy(bean)) {
            throw new IllegalStateException("KaliSocket controller " + AopUtils.getTargetClass(bean).getName()
                    + " is a JDK proxy (an aspect on an interface): use class-based proxies or no aspect");
        }
    }
}
