# The Stowage image: the `stowage` launcher and the node workers run the same jar.
#
#   mvn -B -Pimage -pl launcher -am package          # builds the jar, then this image
#   mvn -B -pl launcher -am package && docker build -t stowage:0.1.0 .
#
# The launcher runs as the unprivileged user 65532 set here. Node workers need root to traverse
# every pod's volume directory: their Job's securityContext sets runAsUser 0 and drops every
# capability but DAC_READ_SEARCH (see chart/templates/_workers.tpl).
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}

RUN groupadd --system --gid 65532 stowage \
 && useradd --system --uid 65532 --gid 65532 --home-dir /var/lib/stowage --no-create-home \
      --shell /usr/sbin/nologin stowage \
 && mkdir -p /app /var/lib/stowage /var/cache/stowage \
 && chown 65532:65532 /var/lib/stowage

COPY docker/entrypoint.sh /usr/local/bin/stowage
COPY launcher/target/stowage.jar /app/stowage.jar
RUN chmod 0755 /usr/local/bin/stowage && chmod 0444 /app/stowage.jar

# The H2 JobRepository, logs and caches; the chart mounts a volume here.
ENV STOWAGE_HOME=/var/lib/stowage
WORKDIR /var/lib/stowage
USER 65532:65532

ENTRYPOINT ["/usr/local/bin/stowage"]
CMD ["--help"]
