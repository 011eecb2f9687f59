package dev.stowage.jobs.run;

import java.util.Collection;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.batch.core.configuration.BatchConfigurationException;
import org.springframework.batch.core.configuration.DuplicateJobException;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;

/**
 * The JobOperator's jobs by name, as Spring Batch registers them by default (every {@link Job} bean), but
 * only once something asks for a job by name. The default registry is filled when the operator is
 * created, which creates every job with its steps and scoped proxies (restore, drill and maintenance
 * for a backup) on every run; Stowage starts its runs with the {@link Job} itself and asks the registry
 * for nothing on that path.
 */
public final class LazyJobRegistry implements JobRegistry {

    private final Supplier<Stream<Job>> jobs;
    private MapJobRegistry registry;

    /** @param jobs every job of the application, created when called */
    public LazyJobRegistry(Supplier<Stream<Job>> jobs) {
        this.jobs = jobs;
    }

    private synchronized MapJobRegistry registry() {
        if (registry == null) {
            MapJobRegistry filled = new MapJobRegistry();
            jobs.get().forEach(job -> register(filled, job));
            registry = filled;
        }
        return registry;
    }

    private static void register(MapJobRegistry registry, Job job) {
        try {
            registry.register(job);
        } catch (DuplicateJobException e) {
            throw new BatchConfigurationException(e);
        }
    }

    @Override
    public Job getJob(String name) {
        return registry().getJob(name);
    }

    @Override
    public Collection<String> getJobNames() {
        return registry().getJobNames();
    }

    @Override
    public void register(Job job) throws DuplicateJobException {
        registry().register(job);
    }

    @Override
    public void unregister(String name) {
        registry().unregister(name);
    }
}
