{{/*
The per-node worker Jobs the launcher creates during a run. The launcher loads these templates
from the job-templates ConfigMap (falling back to the ones shipped in the image) and sets only
what each run computes: name, node, arguments, labels and owner reference.

Workers are the most privileged pods Stowage runs, so they get the least else:
  - no Kubernetes API access: a ServiceAccount with no roles and no token mounted;
  - no JobRepository credentials: only the object-store credentials and the repository password;
  - root (to traverse every pod's volume directory) but with every capability dropped except the
    one the job needs, no privilege escalation and a read-only root filesystem.
*/}}

{{- define "stowage.workerPodSecurityContext" -}}
runAsUser: 0
runAsGroup: 0
runAsNonRoot: false
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* (list "DAC_READ_SEARCH") → container security context adding only those capabilities */}}
{{- define "stowage.workerContainerSecurityContext" -}}
runAsUser: 0
runAsNonRoot: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
  add:
    {{- toYaml . | nindent 4 }}
{{- end -}}

{{/* The credentials init container of a worker: root like the worker, but with no capability at all. */}}
{{- define "stowage.workerInitSecurityContext" -}}
runAsUser: 0
runAsNonRoot: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
{{- end -}}

{{/*
A worker Job. (dict "root" $ "component" "node-backup" "capabilities" (list ...) "hostPods" true)
*/}}
{{- define "stowage.workerJob" -}}
{{- $root := .root -}}
{{- $workers := $root.Values.workers -}}
apiVersion: batch/v1
kind: Job
metadata:
  labels:
    {{- include "stowage.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
    {{- with $workers.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $workers.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  backoffLimit: 0
  ttlSecondsAfterFinished: {{ $workers.ttlSecondsAfterFinished }}
  template:
    metadata:
      labels:
        {{- include "stowage.selectorLabels" $root | nindent 8 }}
        app.kubernetes.io/component: {{ .component }}
        {{- with $workers.labels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $workers.annotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "stowage.workerServiceAccountName" $root }}
      automountServiceAccountToken: false
      restartPolicy: Never
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $workers.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- include "stowage.workerPodSecurityContext" $root | nindent 8 }}
      {{- with $workers.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $workers.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with include "stowage.credentialsInitContainer" (dict "root" $root "securityContext" (include "stowage.workerInitSecurityContext" $root | fromYaml)) }}
      initContainers:
        {{- . | trim | nindent 8 }}
      {{- end }}
      containers:
        - name: worker
          image: {{ include "stowage.image" $root }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          # The launcher appends the run's arguments (partition, step execution).
          args:
            - worker
          env:
            {{- /* the per-node cache survives between runs, so B2 metadata is downloaded once per node */}}
            - name: STOWAGE_HOME
              value: /var/cache/stowage
            {{- include "stowage.locationEnv" $root | nindent 12 }}
            - name: STOWAGE_KUBERNETES_PODS_ROOT
              value: {{ $root.Values.kubelet.podsRoot | quote }}
            - name: LOGGING_CONSOLE_ENABLED
              value: "true"
            - name: JAVA_OPTS
              value: {{ $workers.javaOpts | quote }}
          securityContext:
            {{- include "stowage.workerContainerSecurityContext" .capabilities | nindent 12 }}
          resources:
            {{- toYaml $workers.resources | nindent 12 }}
          # The result (snapshot ids, stats, operation counts) goes back to the launcher here.
          terminationMessagePolicy: File
          volumeMounts:
            {{- include "stowage.secretVolumeMounts" $root | nindent 12 }}
            {{- if .hostPods }}
            - name: pods
              mountPath: {{ $root.Values.kubelet.podsRoot }}
              readOnly: true
              # volumes mounted on the node after the worker started become visible too
              mountPropagation: HostToContainer
            {{- else }}
            {{- /* the claim to fill: the launcher sets its name for each restored claim */}}
            - name: target
              mountPath: /restore/target
            {{- end }}
            - name: cache
              mountPath: /var/cache/stowage
            - name: tmp
              mountPath: /tmp
      volumes:
        {{- include "stowage.secretVolumes" $root | nindent 8 }}
        {{- if .hostPods }}
        - name: pods
          hostPath:
            path: {{ $root.Values.kubelet.podsRoot }}
            type: Directory
        {{- else }}
        - name: target
          persistentVolumeClaim:
            claimName: restored-claim
        {{- end }}
        - name: cache
          {{- if $workers.cacheHostPath }}
          hostPath:
            path: {{ $workers.cacheHostPath }}
            type: DirectoryOrCreate
          {{- else }}
          emptyDir: {}
          {{- end }}
        - name: tmp
          emptyDir:
            sizeLimit: {{ $workers.tmpSizeLimit }}
{{- end -}}
