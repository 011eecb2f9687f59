package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One watch over every worker of a run, however many partitions it has: a shared informer on Jobs and one
 * on pods, both selected by the run's labels ({@link WorkerLabels#runSelector}), and one on nodes (so a
 * lost node is noticed). Caches are read without requests; a change wakes whoever waits in
 * {@link #awaitChange}. Pods deleted while their Job ran are remembered, so a worker whose pod vanished
 * is a failure, not a wait.
 */
public final class WorkerWatch implements AutoCloseable {

    private final KubernetesClient client;
    private final SharedIndexInformer<Job> jobs;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Node> nodes;
    private final Map<String, Pod> deletedPodsByJobUid = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long changes;

    private WorkerWatch(KubernetesClient client, Map<String, String> selector, boolean watchNodes) {
        this.client = client;
        jobs = client.batch().v1().jobs().inAnyNamespace().withLabels(selector).inform(new Signal<>(), 0);
        pods = client.pods().inAnyNamespace().withLabels(selector).inform(new Signal<>() {
            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                jobUid(pod).ifPresent(uid -> deletedPodsByJobUid.put(uid, pod));
                super.onDelete(pod, deletedFinalStateUnknown);
            }
        }, 0);
        nodes = watchNodes ? client.nodes().inform(new Signal<>(), 0) : null;
    }

    /**
     * Starts the informers and waits until their caches hold what the server has.
     *
     * @param watchNodes whether to watch nodes too (backup workers are pinned to one; restore workers are not)
     */
    public static WorkerWatch start(KubernetesClient client, Map<String, String> selector, boolean watchNodes) {
        return new WorkerWatch(client, selector, watchNodes);
    }

    public List<Job> jobs() {
        return jobs.getStore().list();
    }

    /** The run's Jobs of one partition, newest first. */
    public List<Job> jobsOfPartition(String partition) {
        String label = KubeNames.labelValue(partition);
        return jobs().stream().filter(j -> label.equals(j.getMetadata().getLabels().get(WorkerLabels.PARTITION)))
                .sorted(Comparator.comparing((Job j) -> j.getMetadata().getCreationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
    }

    public Optional<Job> job(String namespace, String name) {
        return Optional.ofNullable(jobs.getStore().getByKey(namespace + "/" + name));
    }

    /** The Job's current pod (the newest, should there be several). */
    public Optional<Pod> podOf(Job job) {
        String uid = job.getMetadata().getUid();
        return pods.getStore().list().stream().filter(p -> jobUid(p).filter(uid::equals).isPresent())
                .max(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * The Job's pod as the API server has it now: Job and pod changes arrive on separate watches, so a
     * Job may be seen finished before its pod's final status is in the cache. One request.
     */
    public Optional<Pod> fetchPodOf(Job job) {
        String uid = job.getMetadata().getUid();
        String stepExecution = job.getMetadata().getLabels().get(WorkerLabels.STEP_EXECUTION);
        return client.pods().inNamespace(job.getMetadata().getNamespace())
                .withLabel(WorkerLabels.STEP_EXECUTION, stepExecution).list().getItems().stream()
                .filter(p -> jobUid(p).filter(uid::equals).isPresent())
                .max(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** A pod of the Job that was deleted while this watch ran. */
    public Optional<Pod> deletedPodOf(Job job) {
        return Optional.ofNullable(deletedPodsByJobUid.get(job.getMetadata().getUid()));
    }

    public boolean watchesNodes() {
        return nodes != null;
    }

    public Optional<Node> node(String name) {
        return nodes == null || name == null ? Optional.empty() : Optional.ofNullable(nodes.getStore().getByKey(name));
    }

    /** A number that grows with every change seen; pass it to {@link #awaitChange}. */
    public long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until something changed since {@code seen}, or the timeout passed. */
    public void awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (changes == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Optional<String> jobUid(HasMetadata pod) {
        return pod.getMetadata().getOwnerReferences() == null ? Optional.empty()
                : pod.getMetadata().getOwnerReferences().stream().filter(o -> "Job".equals(o.getKind()))
                        .map(o -> o.getUid()).findFirst();
    }

    @Override
    public void close() {
        jobs.close();
        pods.close();
        if (nodes != null) {
            nodes.close();
        }
    }

    /** Wakes waiters on every add, update and delete. */
    private class Signal<T> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            signal();
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            signal();
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            signal();
        }
    }
}
