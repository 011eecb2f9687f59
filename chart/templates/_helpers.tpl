{{/*
Names, labels, the image, and small value conversions shared by every template.
*/}}

{{- define "stowage.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped name; "stowage" for a release named stowage, so `cronjob/stowage-daily` reads as documented. */}}
{{- define "stowage.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "stowage.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "stowage.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stowage.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "stowage.labels" -}}
helm.sh/chart: {{ include "stowage.chart" . }}
{{ include "stowage.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels of one component: (dict "root" $ "component" "backup") */}}
{{- define "stowage.componentLabels" -}}
{{ include "stowage.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "stowage.launcherServiceAccountName" -}}
{{- if .Values.launcher.serviceAccount.create -}}
{{- default (include "stowage.fullname" .) .Values.launcher.serviceAccount.name -}}
{{- else -}}
{{- required "launcher.serviceAccount.name is required when launcher.serviceAccount.create is false" .Values.launcher.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "stowage.workerServiceAccountName" -}}
{{- if .Values.workers.serviceAccount.create -}}
{{- default (printf "%s-worker" (include "stowage.fullname" .)) .Values.workers.serviceAccount.name -}}
{{- else -}}
{{- required "workers.serviceAccount.name is required when workers.serviceAccount.create is false" .Values.workers.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "stowage.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* A CronJob's name, checked against the 52-character limit Kubernetes puts on CronJob names. */}}
{{- define "stowage.cronJobName" -}}
{{- $name := printf "%s-%s" (include "stowage.fullname" .root) .suffix -}}
{{- if gt (len $name) 52 -}}
{{- fail (printf "CronJob name %q is longer than 52 characters: shorten the schedule or location name, or set fullnameOverride" $name) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/*
Seconds in a duration written the way TTLs are ("26h", "1h30m", "7d"); the schema admits only
digits followed by s, m, h or d, so every part is matched here.
*/}}
{{- define "stowage.seconds" -}}
{{- $units := dict "s" 1 "m" 60 "h" 3600 "d" 86400 -}}
{{- $total := 0 -}}
{{- range regexFindAll "[0-9]+[smhd]" . -1 -}}
{{- $count := regexFind "^[0-9]+" . | atoi -}}
{{- $unit := regexFind "[smhd]$" . -}}
{{- $total = add $total (mul $count (get $units $unit)) -}}
{{- end -}}
{{- $total -}}
{{- end -}}

{{/*
Longest time a cron expression can leave between two runs, in seconds, judged from which fields
are restricted: a month field means up to a year, a day-of-month field up to a month, a
day-of-week field up to a week, anything else at most a day. A bound, not the exact interval:
set a schedule's staleAfter for a tighter alert.
*/}}
{{- define "stowage.cronMaxIntervalSeconds" -}}
{{- $cron := trim . -}}
{{- $day := 86400 -}}
{{- if hasPrefix "@" $cron -}}
{{- $macros := dict "@hourly" $day "@daily" $day "@midnight" $day "@weekly" (mul 7 $day) "@monthly" (mul 31 $day) "@yearly" (mul 366 $day) "@annually" (mul 366 $day) -}}
{{- get $macros $cron -}}
{{- else -}}
{{- $fields := regexSplit "\\s+" $cron -1 -}}
{{- $unrestricted := list "*" "?" -}}
{{- if not (has (index $fields 3) $unrestricted) -}}
{{- mul 366 $day -}}
{{- else if not (has (index $fields 2) $unrestricted) -}}
{{- mul 31 $day -}}
{{- else if not (has (index $fields 4) $unrestricted) -}}
{{- mul 7 $day -}}
{{- else -}}
{{- $day -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Namespaces every backup leaves out: the chart's own (as Velero leaves out velero) and the configured ones. */}}
{{- define "stowage.defaultExcludedNamespaces" -}}
{{- $namespaces := list -}}
{{- if .Values.excludeOwnNamespace -}}
{{- $namespaces = append $namespaces .Release.Namespace -}}
{{- end -}}
{{- $namespaces = concat $namespaces .Values.excludedNamespaces -}}
{{- toJson (uniq $namespaces) -}}
{{- end -}}

{{/* The location a command uses when it names none: defaultLocation, else the first location by name. */}}
{{- define "stowage.defaultLocation" -}}
{{- if .Values.defaultLocation -}}
{{- if not (hasKey .Values.locations .Values.defaultLocation) -}}
{{- fail (printf "defaultLocation %q is not one of locations" .Values.defaultLocation) -}}
{{- end -}}
{{- .Values.defaultLocation -}}
{{- else if .Values.locations -}}
{{- first (keys .Values.locations | sortAlpha) -}}
{{- end -}}
{{- end -}}
