{{/*
Storage locations and the repository password as every Stowage pod sees them: environment
variables bound the Spring Boot way (STOWAGE_LOCATIONS_<NAME>_<SETTING>), and the existing
Secrets mounted read-only as files. No secret value ever passes through the chart: Secrets are
referenced by name and key only.

Credentials come in two shapes:
  - a Velero-style credentials file under one key (default `cloud`), mounted as is;
  - separate access-key and secret-key entries (as an ExternalSecret often produces). Stowage reads
    credentials per location from a file, so a small init container writes that file from the two
    keys into a memory-backed emptyDir that only this pod sees.
*/}}

{{- define "stowage.passwordFile" -}}/var/run/stowage/password/password{{- end -}}

{{/* Whether any location uses separate access/secret keys (and so needs the init container). */}}
{{- define "stowage.generatesCredentials" -}}
{{- range $name, $location := .Values.locations -}}
{{- if get (get $location "credentials" | default dict) "accessKeyIdKey" -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/* (dict "name" <location name> "location" <location values>) → path of its credentials file */}}
{{- define "stowage.credentialsFile" -}}
{{- $credentials := get .location "credentials" | default dict -}}
{{- if get $credentials "accessKeyIdKey" -}}
/var/run/stowage/generated-credentials/{{ .name }}
{{- else -}}
/var/run/stowage/credentials/{{ .name }}/cloud
{{- end -}}
{{- end -}}

{{/* The existing Secret of a location's credentials, or a failure naming what to set. */}}
{{- define "stowage.credentialsSecret" -}}
{{- $credentials := get .location "credentials" | default dict -}}
{{- $secret := get $credentials "existingSecret" -}}
{{- if not $secret -}}
{{- fail (printf "locations.%s.credentials.existingSecret is required: create a Secret with the location's keys (see the chart README) and name it here" .name) -}}
{{- end -}}
{{- if and (get $credentials "accessKeyIdKey") (not (get $credentials "secretAccessKeyKey")) -}}
{{- fail (printf "locations.%s.credentials.secretAccessKeyKey is required with accessKeyIdKey" .name) -}}
{{- end -}}
{{- $secret -}}
{{- end -}}

{{/* Environment of every Stowage container: the password file and each location's settings. */}}
{{- define "stowage.locationEnv" -}}
- name: STOWAGE_PASSWORD_FILE
  value: {{ include "stowage.passwordFile" . }}
{{- range $name, $location := .Values.locations }}
{{- $prefix := printf "STOWAGE_LOCATIONS_%s_" (upper $name) }}
{{- $credentials := get $location "credentials" | default dict }}
- name: {{ $prefix }}ENDPOINT
  value: {{ required (printf "locations.%s.endpoint is required" $name) (get $location "endpoint") | quote }}
- name: {{ $prefix }}BUCKET
  value: {{ required (printf "locations.%s.bucket is required" $name) (get $location "bucket") | quote }}
- name: {{ $prefix }}PROFILE
  value: {{ get $location "profile" | default "generic" | quote }}
{{- range $setting, $key := dict "PREFIX" "prefix" "REGION" "region" "MAX_PARALLEL_UPLOADS" "maxParallelUploads" "CACHE_LIMIT_MB" "cacheLimitMB" "PACK_SIZE_MB" "packSizeMB" "VALIDATION_FREQUENCY" "validationFrequency" }}
{{- $value := get $location $key }}
{{- if not (kindIs "invalid" $value) }}
{{- if ne (toString $value) "" }}
- name: {{ $prefix }}{{ $setting }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if get $location "insecureSkipTLSVerify" }}
- name: {{ $prefix }}INSECURE_SKIP_TLS_VERIFY
  value: "true"
{{- end }}
{{- if get (get $location "caBundle" | default dict) "key" }}
- name: {{ $prefix }}CA_BUNDLE
  value: /etc/stowage/ca/{{ $name }}/ca.pem
{{- end }}
- name: {{ $prefix }}CREDENTIALS_FILE
  value: {{ include "stowage.credentialsFile" (dict "name" $name "location" $location) }}
{{- if and (get $credentials "profile") (not (get $credentials "accessKeyIdKey")) }}
- name: {{ $prefix }}CREDENTIALS_PROFILE
  value: {{ get $credentials "profile" | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Volumes for the password, the credentials and CA bundles. */}}
{{- define "stowage.secretVolumes" -}}
- name: repository-password
  secret:
    secretName: {{ required "repository.passwordSecret.name is required" .Values.repository.passwordSecret.name }}
    defaultMode: 0440
    items:
      - key: {{ .Values.repository.passwordSecret.key }}
        path: password
{{- range $name, $location := .Values.locations }}
{{- $credentials := get $location "credentials" | default dict }}
{{- $secret := include "stowage.credentialsSecret" (dict "name" $name "location" $location) }}
{{- if not (get $credentials "accessKeyIdKey") }}
- name: credentials-{{ $name }}
  secret:
    secretName: {{ $secret }}
    defaultMode: 0440
    items:
      - key: {{ get $credentials "cloudKey" | default "cloud" }}
        path: cloud
{{- end }}
{{- $ca := get $location "caBundle" | default dict }}
{{- if get $ca "key" }}
- name: ca-{{ $name }}
  {{- if get $ca "secretName" }}
  secret:
    secretName: {{ get $ca "secretName" }}
  {{- else }}
  configMap:
    name: {{ required (printf "locations.%s.caBundle needs secretName or configMapName" $name) (get $ca "configMapName") }}
  {{- end }}
    defaultMode: 0444
    items:
      - key: {{ get $ca "key" }}
        path: ca.pem
{{- end }}
{{- end }}
{{- if include "stowage.generatesCredentials" . }}
- name: generated-credentials
  emptyDir:
    medium: Memory
    sizeLimit: 1Mi
{{- end }}
{{- end -}}

{{- define "stowage.secretVolumeMounts" -}}
- name: repository-password
  mountPath: /var/run/stowage/password
  readOnly: true
{{- range $name, $location := .Values.locations }}
{{- if not (get (get $location "credentials" | default dict) "accessKeyIdKey") }}
- name: credentials-{{ $name }}
  mountPath: /var/run/stowage/credentials/{{ $name }}
  readOnly: true
{{- end }}
{{- if get (get $location "caBundle" | default dict) "key" }}
- name: ca-{{ $name }}
  mountPath: /etc/stowage/ca/{{ $name }}
  readOnly: true
{{- end }}
{{- end }}
{{- if include "stowage.generatesCredentials" . }}
- name: generated-credentials
  mountPath: /var/run/stowage/generated-credentials
  readOnly: true
{{- end }}
{{- end -}}

{{/*
The script of the init container that writes a credentials file for each location given as
separate keys. The keys arrive as environment variables from secretKeyRef, never as text in the
manifest; umask 077 keeps the files readable by this pod's user only.
*/}}
{{- define "stowage.credentialsScript" -}}
set -eu
umask 077
{{- range $name, $location := .Values.locations }}
{{- if get (get $location "credentials" | default dict) "accessKeyIdKey" }}
{{- /* a restore worker gets only its own location's keys (the launcher drops the others') */}}
if [ -n "${ACCESS_KEY_ID_{{ upper $name }}+set}" ]; then
  printf '[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$ACCESS_KEY_ID_{{ upper $name }}" "$SECRET_ACCESS_KEY_{{ upper $name }}" > /var/run/stowage/generated-credentials/{{ $name }}
fi
{{- end }}
{{- end }}
{{- end -}}

{{/* (dict "root" $ "securityContext" <container security context>) → an init container, or nothing */}}
{{- define "stowage.credentialsInitContainer" -}}
{{- if include "stowage.generatesCredentials" .root }}
- name: credentials-file
  image: {{ include "stowage.image" .root }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  command:
    - /bin/sh
    - -c
    - |
      {{- include "stowage.credentialsScript" .root | nindent 6 }}
  env:
    {{- range $name, $location := .root.Values.locations }}
    {{- $credentials := get $location "credentials" | default dict }}
    {{- if get $credentials "accessKeyIdKey" }}
    {{- $secret := include "stowage.credentialsSecret" (dict "name" $name "location" $location) }}
    - name: ACCESS_KEY_ID_{{ upper $name }}
      valueFrom:
        secretKeyRef:
          name: {{ $secret }}
          key: {{ get $credentials "accessKeyIdKey" }}
    - name: SECRET_ACCESS_KEY_{{ upper $name }}
      valueFrom:
        secretKeyRef:
          name: {{ $secret }}
          key: {{ get $credentials "secretAccessKeyKey" }}
    {{- end }}
    {{- end }}
  securityContext:
    {{- toYaml .securityContext | nindent 4 }}
  resources:
    requests:
      cpu: 10m
      memory: 16Mi
    limits:
      memory: 32Mi
  volumeMounts:
    - name: generated-credentials
      mountPath: /var/run/stowage/generated-credentials
{{- end }}
{{- end -}}
