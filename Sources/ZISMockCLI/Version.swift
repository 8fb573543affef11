/// The release this source tree is: `zis-mock --version`, the listening line and, through the
/// Dockerfile's `VERSION` build argument (checked against this value there), the image's
/// `org.opencontainers.image.version` label. A release tag `vX.Y.Z` must match it (release workflow).
enum Version {
    static let current = "0.1.0"
}
