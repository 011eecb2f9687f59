package dev.stowage.kube.testing;

import dev.stowage.kube.volumes.KubeletPaths;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kubelets (and the Job controller) of a simulated cluster on fabric8's mock API server, which runs
 * no controllers of its own. It watches Stowage's worker Jobs; for each it creates the pod on its node
 * (the Job's {@code nodeName}, or the first healthy node), lays out the pod's volumes on this machine
 * ({@link PodSandbox}: each node's host paths live under its own directory, so the kubelet pods directory
 * {@code <node>/var/lib/kubelet/pods/<pod-uid>/volumes/...} is a prepared temporary tree), runs the
 * container's command ({@link WorkerProcess}), and writes pod and Job status back, the termination
 * message included.
 *
 * <p>On request it kills a worker (SIGKILL), OOM-kills it, fails its node (the node turns NotReady, the
 * worker dies and nothing reports its pod's end any more, as when a kubelet is gone), or holds a node's
 * workers before they start. It counts workers running at once.
 */
public final class SimulatedKubelet implements AutoCloseable {

    /** How the worker command runs: a JVM per worker, or a thread of the test's JVM. */
    public enum Mode {
        PROCESS, IN_PROCESS
    }

    private final KubernetesClient client;
    private final Path root;
    private final WorkerProcess.Mode mode;
    private final SimulatedStorage storage;
    private final Set<Path> shared = ConcurrentHashMap.newKeySet();
    private final Set<String> sharedAcrossNodes = ConcurrentHashMap.newKeySet();
    private final Map<String, SimulatedNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, RunningWorker> running = new ConcurrentHashMap<>();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "simulated-kubelet");
        thread.setDaemon(true);
        return thread;
    });
    private final SharedIndexInformer<Job> jobs;

    private SimulatedKubelet(KubernetesClient client, Path root, Mode mode) throws IOException {
        this.client = client;
        this.root = Files.createDirectories(root);
        this.mode = mode == Mode.PROCESS ? WorkerProcess.Mode.PROCESS : WorkerProcess.Mode.IN_PROCESS;
        this.storage = new SimulatedStorage(client, root.resolve("storage"));
        this.jobs = client.batch().v1().jobs().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "stowage")
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Job job) {
                        if (handled.add(job.getMetadata().getUid())) {
                            threads.execute(() -> run(job));
                        }
                    }

                    @Override
                    public void onUpdate(Job oldJob, Job newJob) {
                        onAdd(newJob);
                    }

                    @Override
                    public void onDelete(Job job, boolean unknown) {
                        jobDeleted(job);
                    }
                }, 0);
    }

    public static SimulatedKubelet start(KubernetesClient client, Path root, Mode mode) throws IOException {
        return new SimulatedKubelet(client, root, mode);
    }

    /** Adds a Ready node with these taints to the cluster. */
    public SimulatedNode addNode(String name, Taint... taints) throws IOException {
        SimulatedNode node = new SimulatedNode(name, Files.createDirectories(root.resolve("nodes").resolve(name)), shared,
                root.resolve("shared"), sharedAcrossNodes);
        nodes.put(name, node);
        client.nodes().resource(ClusterObjects.node(name, taints)).create();
        return node;
    }

    public SimulatedNode node(String name) {
        return nodes.get(name);
    }

    /** The node's kubelet pods directory at the default root. */
    public PodsTree pods(String node) throws IOException {
        return nodes.get(node).pods(KubeletPaths.DEFAULT_ROOT);
    }

    public SimulatedStorage storage() {
        return storage;
    }

    /** A host path that is the same directory on every node (a directory location on an NFS share). */
    public void shareHostPath(Path path) {
        shared.add(path.toAbsolutePath().normalize());
    }

    /**
     * A host path that is one directory (under the simulation's root) for all nodes instead of one per
     * node, e.g. the worker cache, so many nodes share one warm cache.
     */
    public void shareAcrossNodes(String hostPath) {
        sharedAcrossNodes.add(hostPath);
    }

    /** Workers of this node wait before they start until {@link #release}. */
    public void hold(String node) {
        holds.put(node, new CountDownLatch(1));
    }

    public void release(String node) {
        CountDownLatch latch = holds.remove(node);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Kills the node's running worker with SIGKILL: its pod fails with exit code 137. */
    public void kill(String node) {
        terminate(node, "Error");
    }

    /** Kills the node's running worker as the kernel's OOM killer would: exit code 137, reason OOMKilled. */
    public void oomKill(String node) {
        terminate(node, "OOMKilled");
    }

    /**
     * Fails a node: it turns NotReady (Unknown, "Kubelet stopped posting node status"), its worker dies,
     * and no status of its pods is written any more.
     */
    public void failNode(String name) {
        nodes.get(name).markFailed();
        client.nodes().withName(name).editStatus(node -> {
            node.getStatus().setConditions(List.of(new NodeConditionBuilder().withType("Ready").withStatus("Unknown")
                    .withReason("NodeStatusUnknown").withMessage("Kubelet stopped posting node status.")
                    .withLastTransitionTime(Instant.now().toString()).build()));
            return node;
        });
        running.values().stream().filter(w -> w.node.equals(name) && w.process != null).forEach(w -> w.process.kill());
    }

    /** Waits until a worker runs on the node. */
    public void awaitRunning(String node, Duration timeout) throws InterruptedException {
        awaitCondition(() -> running.values().stream().anyMatch(w -> w.node.equals(node) && w.process != null),
                timeout, "a worker running on " + node);
    }

    /** Waits until the kubelet has a pod of a worker Job on the node (started or held). */
    public void awaitPod(String node, Duration timeout) throws InterruptedException {
        awaitCondition(() -> running.values().stream().anyMatch(w -> w.node.equals(node)), timeout,
                "a worker pod on " + node);
    }

    /** Waits until every worker Job started on the node has ended. */
    public void awaitFinished(String node, Duration timeout) throws InterruptedException {
        awaitCondition(() -> startedOn(node) > 0 && running.values().stream().noneMatch(w -> w.node.equals(node)),
                timeout, "the workers on " + node + " to end");
    }

    /** Worker Jobs started, as "node/job", in start order. */
    public List<String> started() {
        return Collections.unmodifiableList(new ArrayList<>(started));
    }

    /** How many of the node's worker Jobs were started. */
    public long startedOn(String node) {
        return started.stream().filter(s -> s.startsWith(node + "/")).count();
    }

    /** The most workers that ran at the same time. */
    public int maxActiveWorkers() {
        return maxActive.get();
    }

    /** The output of a Job's worker. */
    public String log(String jobName) throws IOException {
        try (var files = Files.walk(root.resolve("pods"))) {
            Path log = files.filter(p -> p.getFileName().toString().equals("log")
                    && p.getParent().getFileName().toString().startsWith(jobName + "-")).findFirst().orElse(null);
            return log == null ? "" : Files.readString(log);
        }
    }

    private void run(Job job) {
        String nodeName = nodeFor(job);
        SimulatedNode node = nodes.get(nodeName);
        Pod pod = createPod(job, nodeName);
        if (node == null || node.failed()) {
            return; // no kubelet to start it: the pod stays Pending
        }
        RunningWorker worker = new RunningWorker(nodeName);
        running.put(pod.getMetadata().getName(), worker);
        try {
            CountDownLatch hold = holds.get(nodeName);
            if (hold != null) {
                hold.await();
            }
            if (node.failed() || worker.deleted) {
                return;
            }
            Path podDirectory = Files.createDirectories(root.resolve("pods").resolve(pod.getMetadata().getName()));
            Container container = pod.getSpec().getContainers().get(0);
            PodSandbox sandbox = sandbox(pod, container, node, podDirectory, worker);
            if (sandbox == null) {
                return;
            }
            // no command: the image's entry point, which is the stowage command
            List<String> command = new ArrayList<>(container.getCommand() == null || container.getCommand().isEmpty()
                    ? List.of("stowage") : container.getCommand());
            command.addAll(container.getArgs() == null ? List.of() : container.getArgs());
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            started.add(nodeName + "/" + job.getMetadata().getName());
            int exit;
            try {
                podRunning(pod);
                worker.process = WorkerProcess.start(mode, sandbox.arguments(command), sandbox.environment(container),
                        podDirectory.resolve("log"), Files.createDirectories(podDirectory.resolve("tmp")));
                exit = worker.process.waitFor();
            } finally {
                active.decrementAndGet(); // the process has ended: it no longer counts as running
            }
            finish(job, pod, node, worker, exit, sandbox.terminationMessage());
        } catch (IOException e) {
            finish(job, pod, node, worker, 127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KubernetesClientException e) {
            // the pod or Job was deleted meanwhile: nothing left to report to
        } finally {
            running.remove(pod.getMetadata().getName());
        }
    }

    /** Lays out the pod's mounts, waiting (as a real kubelet does) for Secrets and claims that do not exist yet. */
    private PodSandbox sandbox(Pod pod, Container container, SimulatedNode node, Path podDirectory,
            RunningWorker worker) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return PodSandbox.prepare(client, pod, container, node, podDirectory, storage);
            } catch (PodSandbox.MissingSecretException e) {
                if (worker.deleted || Instant.now().isAfter(giveUp)) {
                    return null;
                }
                Thread.sleep(100);
            }
        }
    }

    private void finish(Job job, Pod pod, SimulatedNode node, RunningWorker worker, int exit, String message) {
        if (node.failed() || worker.deleted) {
            return; // the kubelet is gone, or the pod was deleted: nobody reports the end
        }
        boolean ok = exit == 0;
        String reason = worker.killReason != null ? worker.killReason : ok ? "Completed" : "Error";
        // the Job first, the pod last: the launcher closes its watch once it has seen the pod end, and
        // fabric8's mock server stalls when a watch closes while an event to it is being sent
        client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .editStatus(j -> {
                    j.setStatus(new JobStatusBuilder(j.getStatus()).withActive(0).withSucceeded(ok ? 1 : 0)
                            .withFailed(ok ? 0 : 1).withConditions().addNewCondition()
                            .withType(ok ? "Complete" : "Failed").withStatus("True")
                            .withReason(ok ? null : "BackoffLimitExceeded")
                            .withMessage(ok ? null : "Job has reached the specified backoff limit").endCondition().build());
                    return j;
                });
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(p -> {
                    p.setStatus(new PodStatusBuilder(p.getStatus()).withPhase(ok ? "Succeeded" : "Failed")
                            .withContainerStatuses(new ContainerStatusBuilder().withName("worker").withReady(false)
                                    .withRestartCount(0).withNewState().withNewTerminated().withExitCode(exit)
                                    .withReason(reason).withMessage(message).withFinishedAt(Instant.now().toString())
                                    .endTerminated().endState().build()).build());
                    return p;
                });
    }

    private Pod createPod(Job job, String nodeName) {
        Map<String, String> labels = new LinkedHashMap<>(job.getSpec().getTemplate().getMetadata().getLabels());
        labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
        labels.put("job-name", job.getMetadata().getName());
        labels.put("controller-uid", job.getMetadata().getUid());
        Pod pod = new PodBuilder().withNewMetadata().withNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5))
                .withLabels(labels).withAnnotations(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(job.getMetadata().getName())
                .withUid(job.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).build();
        pod.getSpec().setNodeName(nodeName);
        pod = client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
        pod.setStatus(new PodStatusBuilder().withPhase("Pending").build());
        return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }

    private void podRunning(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(p -> {
                    p.setStatus(new PodStatusBuilder().withPhase("Running").withStartTime(Instant.now().toString())
                            .withContainerStatuses(new ContainerStatusBuilder().withName("worker").withReady(true)
                                    .withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning()
                                    .endState().build()).build());
                    return p;
                });
    }

    private String nodeFor(Job job) {
        String pinned = job.getSpec().getTemplate().getSpec().getNodeName();
        if (pinned != null) {
            return pinned;
        }
        return nodes.values().stream().filter(n -> !n.failed()).map(SimulatedNode::name).sorted().findFirst()
                .orElse(null);
    }

    private void jobDeleted(Job job) {
        running.forEach((podName, worker) -> {
            if (podName.startsWith(job.getMetadata().getName() + "-")) {
                worker.deleted = true;
                if (worker.process != null) {
                    worker.process.kill();
                }
            }
        });
        client.pods().inNamespace(job.getMetadata().getNamespace())
                .withLabel("controller-uid", job.getMetadata().getUid()).delete();
    }

    private void terminate(String node, String reason) {
        RunningWorker worker = running.values().stream().filter(w -> w.node.equals(node) && w.process != null)
                .findFirst().orElseThrow(() -> new IllegalStateException("no worker runs on " + node));
        worker.killReason = reason;
        if (!worker.process.kill()) {
            throw new UnsupportedOperationException("in-process workers cannot be killed: use Mode.PROCESS");
        }
    }

    /** Waits until the condition holds (polling every 10 ms). */
    public static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        jobs.close();
        running.values().forEach(w -> {
            w.deleted = true;
            if (w.process != null) {
                w.process.kill();
            }
        });
        holds.values().forEach(CountDownLatch::countDown);
        threads.shutdownNow();
    }

    /** A worker the kubelet runs. */
    private static final class RunningWorker {
        final String node;
        volatile WorkerProcess process;
        volatile String killReason;
        volatile boolean deleted;

        RunningWorker(String node) {
            this.node = node;
        }
    }
}
