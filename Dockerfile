# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/transfer-portal-*.jar /portal.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system portal \
 && useradd --system --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
# Heap capped on purpose: a portal instance keeps little on its heap (36 MB after a full GC
# when idle, see README, Benchmarks) because sessions, drafts and tokens live in the database.
# 256 MB leaves room for load and aims at the 400 MB a production instance should stay under
# (the demo, simulator included, peaked at 502 MB under the bench with this cap); without a cap
# the JVM takes a quarter of the host's memory and grows into it under load. Out of memory, the
# process exits so that the orchestrator restarts it rather than it serving half-broken. Set
# JAVA_TOOL_OPTIONS to replace both.
ENV JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
# Spring's class data sharing: the jar extracted into its launcher and lib/ (a layout the JVM
# can map), and an archive of the classes a start loads, written by a training run that stops
# once the context has refreshed (spring.context.exit=onRefresh; demo mode on the in-memory
# database, so no credentials are needed). Starting from the archive skips loading and
# verifying those classes again.
COPY --from=build /portal.jar /tmp/portal.jar
RUN java -Djarmode=tools -jar /tmp/portal.jar extract --destination /app \
 && rm /tmp/portal.jar \
 && java -XX:ArchiveClassesAtExit=/app/portal.jsa -Dspring.context.exit=onRefresh -jar /app/portal.jar \
 && chown -R root:root /app && chmod -R a+rX /app
USER portal
# The portal on 8080; the actuator (Prometheus, health with components) on 8081, a port
# to keep on the operator's network.
ENV SERVER_PORT=8080 MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_SERVER_PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/portal.jsa", "-jar", "/app/portal.jar"]
