{{/*
The launcher: one short-lived pod per run (backup, restore, maintenance, drill), started by a
CronJob. It talks to the Kubernetes API (its ServiceAccount's token is mounted), writes the
JobRepository, starts the per-node worker Jobs and pushes metrics at the end of the run.
It runs as the image's non-root user with a read-only root filesystem and no capabilities.
*/}}

{{- define "stowage.launcherPodSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "stowage.launcherContainerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
{{- end -}}

{{/* Where the launcher keeps its home: the H2 JobRepository, logs and the metadata cache. */}}
{{- define "stowage.launcherHome" -}}/var/lib/stowage{{- end -}}

{{- define "stowage.launcherEnv" -}}
- name: STOWAGE_HOME
  value: {{ include "stowage.launcherHome" . }}
{{- with include "stowage.defaultLocation" . }}
- name: STOWAGE_DEFAULT_LOCATION
  value: {{ . | quote }}
{{- end }}
{{- include "stowage.locationEnv" . | nindent 0 }}
- name: STOWAGE_KUBERNETES_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: STOWAGE_KUBERNETES_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- /* The owning Job's name: node worker Jobs get it as owner, and a retried pod resumes the same run. */}}
- name: STOWAGE_KUBERNETES_JOB_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['batch.kubernetes.io/job-name']
- name: STOWAGE_KUBERNETES_JOB_TEMPLATES
  value: /etc/stowage/job-templates
- name: STOWAGE_KUBERNETES_PODS_ROOT
  value: {{ .Values.kubelet.podsRoot | quote }}
- name: STOWAGE_KUBERNETES_MAX_CONCURRENT_NODE_JOBS
  value: {{ .Values.workers.maxConcurrentNodeJobs | toString | quote }}
{{- if eq .Values.jobRepository.type "postgresql" }}
{{- $pg := .Values.jobRepository.postgresql }}
- name: SPRING_DATASOURCE_URL
  value: {{ required "jobRepository.postgresql.url is required with jobRepository.type postgresql" $pg.url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "jobRepository.postgresql.existingSecret is required with jobRepository.type postgresql" $pg.existingSecret }}
      key: {{ $pg.usernameKey }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $pg.existingSecret }}
      key: {{ $pg.passwordKey }}
{{- end }}
{{- with .Values.metrics.pushgateway.url }}
- name: STOWAGE_METRICS_PUSHGATEWAY_URL
  value: {{ . | quote }}
{{- end }}
{{- /* The launcher logs to a file by default; in a pod, `kubectl logs` is where people look. */}}
- name: LOGGING_CONSOLE_ENABLED
  value: "true"
- name: JAVA_OPTS
  value: {{ .Values.launcher.javaOpts | quote }}
{{- with .Values.launcher.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
A batch/v1 JobTemplateSpec for a launcher run.
(dict "root" $ "component" "backup" "args" (list ...) "labels" (dict ...) "restoreOptions" true
 "scratchSizeLimit" "10Gi")
scratchSizeLimit: a restore drill's scratch space, an emptyDir of its own (not /tmp, which only holds
native libraries) that the drill restores its sample into and deletes afterwards.
*/}}
{{- define "stowage.launcherJobTemplate" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
metadata:
  labels:
    {{- include "stowage.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
    {{- with .labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  backoffLimit: {{ .backoffLimit }}
  {{- with $values.launcher.activeDeadlineSeconds }}
  activeDeadlineSeconds: {{ . }}
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "stowage.selectorLabels" $root | nindent 8 }}
        app.kubernetes.io/component: {{ .component }}
        {{- with .labels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $values.launcher.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $values.launcher.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "stowage.launcherServiceAccountName" $root }}
      restartPolicy: Never
      {{- with $values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.launcher.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- include "stowage.launcherPodSecurityContext" $root | nindent 8 }}
      {{- with $values.launcher.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.launcher.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.launcher.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with include "stowage.credentialsInitContainer" (dict "root" $root "securityContext" (include "stowage.launcherContainerSecurityContext" $root | fromYaml)) }}
      initContainers:
        {{- . | trim | nindent 8 }}
      {{- end }}
      containers:
        - name: stowage
          image: {{ include "stowage.image" $root }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          args:
            {{- toYaml .args | nindent 12 }}
          env:
            {{- include "stowage.launcherEnv" $root | nindent 12 }}
            {{- if .scratchSizeLimit }}
            - name: STOWAGE_DRILL_SCRATCH_DIRECTORY
              value: {{ include "stowage.drillScratch" $root }}
            {{- end }}
          securityContext:
            {{- include "stowage.launcherContainerSecurityContext" $root | nindent 12 }}
          resources:
            {{- toYaml $values.launcher.resources | nindent 12 }}
          volumeMounts:
            {{- include "stowage.secretVolumeMounts" $root | nindent 12 }}
            - name: home
              mountPath: {{ include "stowage.launcherHome" $root }}
            - name: tmp
              mountPath: /tmp
            {{- if $values.jobTemplates.enabled }}
            - name: job-templates
              mountPath: /etc/stowage/job-templates
              readOnly: true
            {{- end }}
            {{- if .restoreOptions }}
            - name: restore-options
              mountPath: /etc/stowage/restore
              readOnly: true
            {{- end }}
            {{- if .scratchSizeLimit }}
            - name: scratch
              mountPath: {{ include "stowage.drillScratch" $root }}
            {{- end }}
      volumes:
        {{- include "stowage.secretVolumes" $root | nindent 8 }}
        - name: home
          {{- if eq $values.jobRepository.type "h2" }}
          persistentVolumeClaim:
            claimName: {{ include "stowage.h2ClaimName" $root }}
          {{- else }}
          emptyDir: {}
          {{- end }}
        {{- /* zstd-jni and the crypto provider unpack their native libraries into java.io.tmpdir */}}
        - name: tmp
          emptyDir:
            sizeLimit: {{ $values.launcher.tmpSizeLimit }}
        {{- if $values.jobTemplates.enabled }}
        - name: job-templates
          configMap:
            name: {{ include "stowage.fullname" $root }}-job-templates
        {{- end }}
        {{- if .restoreOptions }}
        - name: restore-options
          configMap:
            name: {{ include "stowage.fullname" $root }}-restore-options
        {{- end }}
        {{- with .scratchSizeLimit }}
        - name: scratch
          emptyDir:
            sizeLimit: {{ . }}
        {{- end }}
{{- end -}}

{{/* Where a restore drill restores its sample: the mount of its scratch emptyDir. */}}
{{- define "stowage.drillScratch" -}}/var/lib/stowage-drill{{- end -}}

{{- define "stowage.h2ClaimName" -}}
{{- default (printf "%s-jobs" (include "stowage.fullname" .)) .Values.jobRepository.h2.persistence.existingClaim -}}
{{- end -}}

{{/* CronJob fields every Stowage CronJob shares. (dict "root" $ "schedule" <values with optional overrides>) */}}
{{- define "stowage.cronJobPolicy" -}}
{{- $defaults := .root.Values.scheduleDefaults -}}
{{- $own := .schedule | default dict -}}
concurrencyPolicy: Forbid
timeZone: {{ get $own "timeZone" | default $defaults.timeZone | quote }}
{{- range $field := list "startingDeadlineSeconds" "successfulJobsHistoryLimit" "failedJobsHistoryLimit" }}
{{ $field }}: {{ ternary (get $own $field) (get $defaults $field) (hasKey $own $field) }}
{{- end }}
{{- end -}}
