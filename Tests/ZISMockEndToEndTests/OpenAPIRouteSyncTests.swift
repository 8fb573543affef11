import Foundation
import Testing
import ZISMock
import ZISMockRouting

/// `openapi/zis-mock.yaml` stays in step with the server: every route the server registers is
/// documented, every documented operation is served, and `/__admin/openapi.yaml` serves the file.
@Suite("OpenAPI document")
struct OpenAPIRouteSyncTests {
    static let document = repositoryRoot.appendingPathComponent(OpenAPIRoute.sourcePath)
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `METHOD /template` for every operation under `paths:`. No YAML library: the document keeps
    /// path keys at two spaces of indentation and method keys at four, which this scan relies on
    /// (a path key it cannot read fails the test rather than being skipped).
    static func documentedOperations(_ yaml: String) throws -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var currentPath: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty && !line.hasPrefix("#") {
                inPaths = line == "paths:"
                currentPath = nil
                continue
            }
            guard inPaths, line.hasSuffix(":") else { continue }
            let key = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            if indent == 2 {
                let path = key.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                guard path.hasPrefix("/") else { throw DocumentError(line: line) }
                currentPath = path
            } else if indent == 4, let currentPath, methods.contains(key) {
                operations.insert("\(key.uppercased()) \(currentPath)")
            }
        }
        return operations
    }

    struct DocumentError: Error, CustomStringConvertible {
        let line: String
        var description: String { "openapi/zis-mock.yaml: a path key the route-sync scan cannot read: \(line)" }
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() throws {
        let documented = try Self.documentedOperations(String(decoding: try Data(contentsOf: Self.document), as: UTF8.self))
        #expect(documented.count >= 10, "the scan of paths: found too little: \(documented.sorted())")
        try withServer { server in
            let served = Set(server.router.routes.map { "\($0.method) \($0.pattern.description)" })
            let undocumented = served.subtracting(documented).sorted()
            let unserved = documented.subtracting(served).sorted()
            #expect(
                undocumented.isEmpty,
                "served but missing from openapi/zis-mock.yaml (document them):\n  \(undocumented.joined(separator: "\n  "))")
            #expect(
                unserved.isEmpty,
                "documented in openapi/zis-mock.yaml but not served:\n  \(unserved.joined(separator: "\n  "))")
        }
    }

    /// The file byte for byte, through the literal the EmbedAsLiteral plugin compiles in.
    @Test func servedAtAdminOpenAPIYAMLWithoutAuth() throws {
        let onDisk = try Data(contentsOf: Self.document)
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            defer { client.close() }
            let response = try client.exchange(request(target: OpenAPIRoute.path, authorization: nil))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/yaml")
            #expect(response.body == Array(onDisk))
        }
    }
}
