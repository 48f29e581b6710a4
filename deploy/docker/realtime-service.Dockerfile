# syntax=docker/dockerfile:1
# realtime-service image. Build from the project root after `./mvnw package`:
#   docker build -f deploy/docker/realtime-service.Dockerfile -t deskflow/realtime-service:0.1.0 .
# Runs as uid 10001 with a read-only root file system: mount a writable /tmp (compose: tmpfs,
# Kubernetes: emptyDir).

FROM eclipse-temurin:17.0.15_6-jre-noble AS layers
WORKDIR /extract
COPY realtime-service/target/realtime-service-0.1.0-SNAPSHOT-exec.jar application.jar
# one directory per layer (dependencies, spring-boot-loader, snapshot-dependencies,
# application), so that a code change rebuilds only the small application layer
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination layers

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10001 deskflow \
	&& useradd --system --uid 10001 --gid deskflow --no-create-home --home-dir /nonexistent deskflow
WORKDIR /opt/deskflow
COPY --chmod=0555 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
COPY --from=layers /extract/layers/dependencies/ ./
COPY --from=layers /extract/layers/spring-boot-loader/ ./
COPY --from=layers /extract/layers/snapshot-dependencies/ ./
COPY --from=layers /extract/layers/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
EXPOSE 8083
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
	CMD ["healthcheck", "8083", "/actuator/health/readiness"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
