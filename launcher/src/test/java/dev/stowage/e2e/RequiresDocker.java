package dev.stowage.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a suite only where Testcontainers finds a Docker engine; elsewhere the whole class is skipped with
 * one line saying why and what it needs, and nothing of it starts. The check is Testcontainers' own
 * ({@link DockerClientFactory#isDockerAvailable()}), so every environment it supports (a local socket,
 * DOCKER_HOST, ~/.testcontainers.properties, Podman or Colima sockets) counts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

    final class Condition implements ExecutionCondition {

        private static final String KEY = "docker-available";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean available = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(KEY, key -> DockerClientFactory.instance().isDockerAvailable(), Boolean.class);
            return available ? ConditionEvaluationResult.enabled("a Docker engine is available")
                    : ConditionEvaluationResult.disabled("k3s end-to-end suite skipped: no Docker engine found by "
                            + "Testcontainers (it needs Docker, and the image from `mvn -Pimage`; see README, "
                            + "\"End-to-end suite on k3s\")");
        }
    }
}
