# One image recipe for every PulseHub app, chosen with the MODULE build argument:
#
#   ./mvnw -B package -DskipTests                      # build the jars once, on the host
#   docker build --build-arg MODULE=gateway -t pulsehub/gateway .
#   docker compose up --build                          # or all nine through compose
#
# Runtime-only by design: it copies the executable jar Maven already built
# (<module>/target/<module>-<version>.jar) instead of compiling inside Docker. A build
# stage running Maven would resolve and compile the shared reactor once per image (nine
# times, each needing Maven Central), and would ship jars that differ from the ones the
# tests ran against; here the image holds exactly the tested artifact.
#
# Written for the classic builder as well as BuildKit (docker-compose v1 may use either).

ARG JAVA_VERSION=25

# Unpack the Boot jar into its layers (dependencies change rarely, the application on
# every commit), so a rebuild only ships the application layer and start-up skips
# nested-jar loading.
FROM eclipse-temurin:${JAVA_VERSION}-jre AS layers
ARG MODULE
RUN test -n "${MODULE}" || { echo "Dockerfile: pass --build-arg MODULE=<app module>" >&2; exit 1; }
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-*.jar ./
RUN set -eu; \
    set -- ./*.jar; \
    if [ "$#" -ne 1 ]; then echo "Dockerfile: expected one ${MODULE} jar, found: $*" >&2; exit 1; fi; \
    mv "$1" app.jar; \
    java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG MODULE
LABEL org.opencontainers.image.title="pulsehub-${MODULE}" \
      org.opencontainers.image.description="PulseHub ${MODULE}"
# A fixed, unprivileged uid (not the base image's uid 1000 "ubuntu" user) that owns nothing
# in the image: the app can read /app but not change it.
RUN groupadd --gid 10001 pulsehub \
    && useradd --uid 10001 --gid pulsehub --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin pulsehub
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The JRE image has neither curl nor wget; this bash probe reads the readiness endpoint.
# The port differs per app, so docker-compose.yml declares each app's health check
# (healthcheck <port>) rather than a HEALTHCHECK here.
COPY deploy/docker/healthcheck /usr/local/bin/healthcheck
USER pulsehub
# Heap follows the container's memory limit; extra JVM flags go in JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
