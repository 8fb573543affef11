import ZISMockHTTP

/// `GET /__admin/openapi.yaml`: the OpenAPI document of both surfaces (`openapi/zis-mock.yaml`),
/// compiled into the binary as `OpenAPIRoute.yaml` by the EmbedAsLiteral build-tool plugin, so a
/// running server always serves the document it was built with. A test checks it serves the file byte for byte.
package enum OpenAPIRoute {
    package static let path = "/__admin/openapi.yaml"
    package static let sourcePath = "openapi/zis-mock.yaml"
    package static let contentType = (name: "Content-Type", value: "application/yaml")

    /// The document's bytes, built once.
    package static let document: [UInt8] = Array(yaml.utf8)

    package static func register(on router: inout Router) {
        // No auth, like every `/__admin/` route: tools fetch it before they know a token.
        router.add("GET", path, in: .admin) { _, _ in HTTPResponse(status: 200, headers: [contentType], body: document) }
    }
}
