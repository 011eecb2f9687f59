package dev.stowage.launcher;

import org.springframework.aop.scope.ScopedProxyFactoryBean;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;

/**
 * Writes the type of every scoped proxy (the jobs' {@code @StepScope} and {@code @JobScope} beans) into its
 * definition. Without it, a context asked for the type of such a bean, as the event-listener scan does for
 * every bean at start-up, creates the proxy to find out: a CGLIB class generated for each of the thirteen
 * step- and job-scoped beans on every command, where a backup's job needs five and most commands none.
 * The type written is the scoped bean's own, which is what its proxy (a subclass) is declared as.
 */
final class ScopedProxyTypes implements BeanFactoryPostProcessor, Ordered {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (definition instanceof RootBeanDefinition proxy && isScopedProxy(proxy)
                    && proxy.getAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE) == null) {
                Class<?> type = beanFactory.getType(proxy.getDecoratedDefinition().getBeanName(), false);
                if (type != null) {
                    proxy.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
                }
            }
        }
    }

    private static boolean isScopedProxy(RootBeanDefinition definition) {
        BeanDefinitionHolder target = definition.getDecoratedDefinition();
        return target != null && ScopedProxyFactoryBean.class.getName().equals(definition.getBeanClassName());
    }

    /** After every post-processor that may add scoped beans. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
