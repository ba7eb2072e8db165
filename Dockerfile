# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/transfer-portal-*.jar /portal.jar

# The runtime is a newer JRE than the build's 17 (the portal is compiled for Java 17 and runs on
# any later JVM): Java 25's ahead-of-time cache (JEP 483/514/515) starts the portal in about half
# the time of Java 17 with class data sharing (README, Benchmarks: start-up).
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system portal \
 && useradd --system --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
# Memory set on purpose (README, Benchmarks: issue 22). The heap is capped at 192 MB: a portal
# instance keeps 45 MB live when idle and 56-65 MB after the bench's load (sessions, drafts and
# tokens live in the database), so this is three times what it holds; without a cap the JVM takes
# a quarter of the host's memory and grows into it under load. The serial collector: at this heap
# size its pauses are short, and it needs about 1 MB of bookkeeping where G1 needed 43 MB. With
# both, an instance peaked at 420 MB under the bench (441 MB at 256 MB of heap); the rest is the
# JIT's code and arenas, which a heap cap does not reach. Out of memory, the process exits so
# that the orchestrator restarts it rather than it serving half-broken. The demo compose file
# gives its JVM 256 MB (its simulated Globus shares the heap). Set JAVA_TOOL_OPTIONS to replace
# all three.
ENV JAVA_TOOL_OPTIONS="-Xmx192m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# The jar extracted into its launcher and lib/ (a layout the JVM can map), and an ahead-of-time
# cache of the classes a start loads and links, written when a training run exits: the portal in
# demo mode on the in-memory database (no credentials needed) starts, answers a health check and
# a few pages, and is stopped. Starting from the cache skips loading, verifying and linking those
# classes again. A JVM that cannot use the cache says so and starts without it.
COPY --from=build /portal.jar /tmp/portal.jar
RUN java -Djarmode=tools -jar /tmp/portal.jar extract --destination /app \
 && rm /tmp/portal.jar \
 && (java -XX:AOTCacheOutput=/app/portal.aot -jar /app/portal.jar --server.port=18080 & echo $! > /tmp/training.pid) \
 && for i in $(seq 1 180); do curl -fsS -o /dev/null http://localhost:18080/actuator/health && break; sleep 1; done \
 && for page in / /login /transfer /actuator/health; do curl -sS -o /dev/null "http://localhost:18080$page"; done \
 && kill -TERM "$(cat /tmp/training.pid)" \
 && while kill -0 "$(cat /tmp/training.pid)" 2>/dev/null; do sleep 1; done \
 && test -s /app/portal.aot \
 && rm /tmp/training.pid \
 && chown -R root:root /app && chmod -R a+rX /app
USER portal
# The portal on 8080; the actuator (Prometheus, health with components) on 8081, a port
# to keep on the operator's network.
ENV SERVER_PORT=8080 MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_SERVER_PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/portal.aot", "-jar", "/app/portal.jar"]
