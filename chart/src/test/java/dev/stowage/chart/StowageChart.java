package dev.stowage.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart in this module's folder, linted and rendered through helm-java (Helm's own library), as
 * release {@value #RELEASE} in namespace {@value #NAMESPACE}.
 */
final class StowageChart {

    static final String RELEASE = "stowage";
    static final String NAMESPACE = "stowage";
    /** helm-java renders for Kubernetes 1.20 unless told; the chart needs CronJob time zones (1.27). */
    static final String KUBE_VERSION = "v1.30.0";

    private StowageChart() {
    }

    /** The chart's folder: the module's base directory, where Surefire runs the tests. */
    static Path directory() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no Chart.yaml in " + dir + ": run the tests from the chart module");
        }
        return dir;
    }

    static Path testResource(String name) {
        return directory().resolve("src/test/resources").resolve(name);
    }

    static Path fullValues() {
        return testResource("values-full.yaml");
    }

    static LintResult lintStrict() {
        return new Helm(directory()).lint().strict().call();
    }

    /** Renders the chart with the defaults. */
    static Manifests render() {
        return render(null, Map.of());
    }

    /** Renders the chart with a values file (null for none) and {@code --set} overrides. */
    static Manifests render(Path valuesFile, Map<String, String> sets) {
        return Manifests.parse(template(valuesFile, sets));
    }

    /** What `helm install` prints: a client-side dry run, which renders NOTES.txt too. */
    static String installOutput(Path valuesFile) {
        InstallCommand install = new Helm(directory()).install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .dryRun();
        if (valuesFile != null) {
            install = install.withValuesFile(valuesFile);
        }
        return install.call().getOutput();
    }

    /** The rendered YAML; throws IllegalStateException with Helm's message when rendering fails. */
    static String template(Path valuesFile, Map<String, String> sets) {
        TemplateCommand template = new Helm(directory()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }
}
