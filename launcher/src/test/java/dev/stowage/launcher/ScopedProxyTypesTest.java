package dev.stowage.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.context.support.SimpleThreadScope;

/** A scoped bean's proxy is created when something uses it, not when the (lazily initialised) context starts. */
class ScopedProxyTypesTest {

    @Test
    void startingTheContextCreatesNoScopedProxy() {
        try (AnnotationConfigApplicationContext context = context(WithScopedBean.class, ScopedProxyTypes.class)) {
            assertThat(context.getBeanFactory().containsSingleton("scoped")).isFalse();
        }
    }

    @Test
    void theScopedBeanIsOfItsOwnTypeBeforeItsProxyExists() {
        try (AnnotationConfigApplicationContext context = context(WithScopedBean.class, ScopedProxyTypes.class)) {
            assertThat(context.getType("scoped")).isEqualTo(Counter.class);
        }
    }

    @Test
    void theProxyStillReachesTheScopedBean() {
        try (AnnotationConfigApplicationContext context = context(WithScopedBean.class, ScopedProxyTypes.class)) {
            Counter counter = context.getBean("scoped", Counter.class);

            assertThat(counter.next()).isEqualTo(1);
            assertThat(counter.next()).isEqualTo(2);
        }
    }

    private static AnnotationConfigApplicationContext context(Class<?>... classes) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getBeanFactory().registerScope("thread", new SimpleThreadScope());
        // as the application runs: spring.main.lazy-initialization
        context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
        context.register(classes);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    static class WithScopedBean {
        @Bean
        @Scope(value = "thread", proxyMode = ScopedProxyMode.TARGET_CLASS)
        Counter scoped() {
            return new Counter();
        }
    }

    static class Counter {
        private int count;

        int next() {
            return ++count;
        }
    }
}
