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

    /// What the document says of one operation: the statuses it lists, and whether it takes a body.
    struct DocumentedOperation {
        var statuses: Set<Int> = []
        var takesBody = false
    }

    /// `METHOD /template` for every operation under `paths:`. No YAML library: the document keeps
    /// path keys at two spaces of indentation, method keys at four, an operation's `responses:`
    /// and `requestBody:` at six and status keys at eight, which this scan relies on (a path key
    /// it cannot read fails the test rather than being skipped).
    static func documentedOperations(_ yaml: String) throws -> [String: DocumentedOperation] {
        var operations: [String: DocumentedOperation] = [:]
        var inPaths = false
        var currentPath: String?
        var currentOperation: String?
        var inResponses = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty && !line.hasPrefix("#") {
                inPaths = line == "paths:"
                currentPath = nil
                currentOperation = nil
                continue
            }
            guard inPaths, line.hasSuffix(":") else { continue }
            let key = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            if indent == 2 {
                let path = key.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                guard path.hasPrefix("/") else { throw DocumentError(line: line) }
                currentPath = path
                currentOperation = nil
            } else if indent == 4 {
                currentOperation = currentPath.flatMap { methods.contains(key) ? "\(key.uppercased()) \($0)" : nil }
                if let currentOperation { operations[currentOperation] = DocumentedOperation() }
            } else if indent == 6, let currentOperation {
                inResponses = key == "responses"
                if key == "requestBody" { operations[currentOperation]?.takesBody = true }
            } else if indent == 8, inResponses, let currentOperation,
                let status = Int(key.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))) {
                operations[currentOperation]?.statuses.insert(status)
            }
        }
        return operations
    }

    struct DocumentError: Error, CustomStringConvertible {
        let line: String
        var description: String { "openapi/zis-mock.yaml: a path key the route-sync scan cannot read: \(line)" }
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() throws {
        let documented = Set(try Self.documentedOperations(String(decoding: try Data(contentsOf: Self.document), as: UTF8.self)).keys)
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
            client.scansForSecrets = false  // the document names the built-in seed's demo token on purpose
            let response = try client.exchange(request(target: OpenAPIRoute.path, authorization: nil))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/yaml")
            #expect(response.body == Array(onDisk))
        }
    }
}
