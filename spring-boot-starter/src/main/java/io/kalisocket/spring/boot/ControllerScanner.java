package io.kalisocket.spring.boot;

import io.kalisocket.mvc.Controller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import java.util.regex.Pattern;

/**
 * Makes KaliSocket controllers beans, so that Spring injects their services: every class annotated with
 * {@link Controller} in the application's packages (those of its {@code @SpringBootApplication}), and in the
 * packages named by {@code kalisocket.controllers} also every class named {@code *Controller}, as
 * {@code KaliServer.controllers("pkg")} finds them. A class that is already a bean (e.g. also annotated
 * {@code @Component}) is not registered twice.
 */
final class ControllerScanner implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final Pattern NAMED_CONTROLLER = Pattern.compile(".*[^.$]Controller");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Set<String> known = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            String type = registry.getBeanDefinition(name).getBeanClassName();
            if (type != null) {
                known.add(type);
            }
        }
        List<String> named = Arrays.stream(environment.getProperty(SpringKaliConfig.PREFIX + StarterKeys.CONTROLLERS,
                String[].class, new String[0])).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Set<String> annotatedIn = new LinkedHashSet<>(named);
        if (registry instanceof ConfigurableListableBeanFactory factory && AutoConfigurationPackages.has(factory)) {
            annotatedIn.addAll(AutoConfigurationPackages.get(factory));
        }
        register(registry, scanner(registry, false), annotatedIn, known);
        register(registry, scanner(registry, true), named, known);
    }

    private ClassPathBeanDefinitionScanner scanner(BeanDefinitionRegistry registry, boolean byName) {
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, false, environment);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        if (byName) {
            scanner.addIncludeFilter(new RegexPatternTypeFilter(NAMED_CONTROLLER));
        }
        return scanner;
    }

    private static void register(BeanDefinitionRegistry registry, ClassPathBeanDefinitionScanner scanner,
            Iterable<String> packages, Set<String> known) {
        for (String pkg : packages) {
            List<BeanDefinition> found = new ArrayList<>(scanner.findCandidateComponents(pkg));
            for (BeanDefinition definition : found) {
                String type = definition.getBeanClassName();
                if (type != null && known.add(type)) {
                    definition.setAttribute(ControllerBeans.MARK, Boolean.TRUE);
                    registry.registerBeanDefinition(type, definition);
                }
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // every definition is registered above
    }
}
