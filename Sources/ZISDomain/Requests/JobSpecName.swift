/// `zis:{integration}:job_spec:{name}`, the `job_spec_name` of the install endpoints [doc].
package struct JobSpecName: Sendable, Equatable {
    package static let queryParameter = "job_spec_name"
    package let integration: String
    package let name: String

    package init(integration: String, name: String) {
        self.integration = integration
        self.name = name
    }

    package var text: String { "zis:\(integration):job_spec:\(name)" }

    package static func parse(query: [(name: String, value: String)]) throws(ZISError) -> JobSpecName {
        guard let text = query.last(where: { $0.name == queryParameter })?.value, !text.isEmpty else {
            throw .registryInvalid(detail: "\(queryParameter) is required")
        }
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "zis", parts[2] == "job_spec", !parts[1].isEmpty, !parts[3].isEmpty else {
            throw .registryInvalid(detail: "\(queryParameter) must be zis:<integration>:job_spec:<name>, found \(text)")
        }
        return JobSpecName(integration: String(parts[1]), name: String(parts[3]))
    }
}
