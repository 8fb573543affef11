# First version: a static-stdlib release build on a slim Debian runtime.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
WORKDIR /src
COPY Package.swift ./
COPY Sources Sources
RUN swift build -c release --static-swift-stdlib --product zis-mock \
 && cp "$(swift build -c release --show-bin-path)/zis-mock" /zis-mock \
 && strip /zis-mock

FROM ${RUNTIME_IMAGE}
COPY --from=build /zis-mock /usr/local/bin/zis-mock
COPY seed-data /seed-data.default
# Listen on every interface inside the container; the port mapping decides who can reach it.
ENV ZIS_MOCK_HOST=0.0.0.0 ZIS_MOCK_PORT=8080
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/zis-mock"]
