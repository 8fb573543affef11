# zis-mock container image: a fully static, stripped executable on `scratch`.
#
#   docker build -t zis-mock .
#   docker run --rm -p 8080:8080 zis-mock
#
# The build stage uses the official Swift image; both bases are ARGs so a mirror or a local
# stand-in can be named instead (scripts/container-test builds this file offline with podman).
ARG SWIFT_IMAGE=swift:6.3-bookworm

FROM ${SWIFT_IMAGE} AS build
# OpenSSL (HTTPS) and zlib (gzip) headers and static libraries; skipped when the image has them
# (the offline CI stand-in does), so the build can run with --network none.
RUN dpkg -s libssl-dev zlib1g-dev >/dev/null 2>&1 \
 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libssl-dev zlib1g-dev \
      && rm -rf /var/lib/apt/lists/*; }
WORKDIR /src
# Package.resolved too, when there is one (it pins the dependency versions).
COPY Package.* ./
COPY Sources Sources
# SwiftPM checks that every target's folder exists, test targets included, even for `--product`.
COPY Tests Tests
# The build compiles the default seed, the OpenAPI document and the dashboard in (the EmbedAsLiteral plugin).
COPY Plugins Plugins
COPY seed-data seed-data
COPY openapi openapi
COPY dashboard dashboard
# A release build is one static executable (Package.swift links it with `-static-executable`): the
# Swift runtime, glibc, OpenSSL and zlib are in the binary (it imports no Foundation), so the
# runtime image needs no shared libraries at all. The linker warns that getaddrinfo and dlopen need
# glibc's shared libraries at run time: only a host *name* (not 0.0.0.0 or another numeric address)
# would use them, and OpenSSL loads no engines or providers here.
RUN swift build -c release --product zis-mock \
 && install -D -m 0755 "$(swift build -c release --show-bin-path)/zis-mock" /rootfs/usr/local/bin/zis-mock \
 && strip /rootfs/usr/local/bin/zis-mock
# The image's version label comes from this build argument; the build fails when it disagrees with
# the version compiled in (Sources/ZISMockCLI/Version.swift), so the label cannot lie.
ARG VERSION=
RUN built="$(/rootfs/usr/local/bin/zis-mock --version)" \
 && { [ -z "$VERSION" ] || [ "$built" = "zis-mock $VERSION" ] \
      || { echo "VERSION=$VERSION, but the source is $built" >&2; exit 1; }; }
# A named non-root user for tools that look one up; the image itself runs by the numeric id.
RUN mkdir -p /rootfs/etc \
 && printf 'root:x:0:0:root:/root:/sbin/nologin\nzis-mock:x:65532:65532:zis-mock:/nonexistent:/sbin/nologin\n' > /rootfs/etc/passwd \
 && printf 'root:x:0:\nzis-mock:x:65532:\n' > /rootfs/etc/group
# The default seed (the same data that is compiled in) lives in /seed-data, the folder a user
# mounts over to replace it: with nothing mounted, the server loads these files.
COPY seed-data/*.json /rootfs/seed-data/

# Just the static binary, for release artefacts (`--target binary --output type=local,dest=DIR`).
FROM scratch AS binary
COPY --from=build /rootfs/usr/local/bin/zis-mock /zis-mock

FROM scratch
COPY --from=build /rootfs/ /
# OCI annotations; scripts/container-test and the release workflow pass the build arguments.
ARG VERSION=unversioned
ARG REVISION=unknown
ARG CREATED=
ARG SOURCE=
LABEL org.opencontainers.image.title="zis-mock" \
      org.opencontainers.image.description="A mock of Zendesk's ZIS Connections API: one static binary on scratch" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION" \
      org.opencontainers.image.created="$CREATED" \
      org.opencontainers.image.source="$SOURCE"
# Every CLI flag has a ZIS_MOCK_* twin (`zis-mock --help`); these are the container's settings.
ENV ZIS_MOCK_HOST=0.0.0.0 \
    ZIS_MOCK_PORT=8080 \
    ZIS_MOCK_SEED=/seed-data
EXPOSE 8080
USER 65532:65532
# No shell or curl in the image: the binary probes itself, where PID 1's flags and environment say
# the server listens (`docker run IMAGE --port 9000 --tls-self-signed` stays healthy).
# Every second, so compose's `service_healthy` passes about a second after the server is ready
# (it is ready some 40 ms after start): Docker and podman both run the first check one interval
# after start. Docker 25+ also has --start-interval, which podman 4 rejects at build time, so it
# is left to a compose file (README, "Docker"). A probe costs about 2 ms of CPU; the engine's exec
# around it costs more (`podman healthcheck run`: about 60 ms of CPU here).
HEALTHCHECK --interval=1s --timeout=2s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/zis-mock", "healthcheck"]
# PID 1 is zis-mock itself: it takes SIGTERM/SIGINT with sigwait and exits 0 once in-flight responses finish.
ENTRYPOINT ["/usr/local/bin/zis-mock"]
