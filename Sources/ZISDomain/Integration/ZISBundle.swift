/// An uploaded ZIS bundle: the document as uploaded (so a test can read back what its installer
/// sent) and the job specs it defines, which is what installing one is checked against.
package struct ZISBundle: Sendable, Equatable {
    package let name: String
    /// Kept across re-uploads of the same name.
    package internal(set) var uuid: String
    /// The bundle JSON object, positions reset (`JSONValue.kept`).
    package let document: JSONValue
    /// The `properties.name` of every `ZIS::JobSpec` resource, in document order.
    package let jobSpecNames: [String]

    /// The only `zis_template_version` ZIS allows [doc: Bundles, "Allowed value of \"2019-10-14\""].
    package static let templateVersion = "2019-10-14"
    /// The resource types the mock knows [doc: bundle anatomy and tutorials; ours: an upload of
    /// any other is refused unless `--bundle-resource-type` names it].
    package static let resourceTypes = ["ZIS::Flow", "ZIS::Action::Http", "ZIS::JobSpec"]

    /// Checks `document` as the Registry does where it is documented; `detail` names the
    /// resource and field. `resourceTypes`: the types taken, nil for any (a seed's bundles).
    package init(validating document: JSONValue, integration: String, uuid: String, resourceTypes: [String]?) throws(ZISError) {
        guard let members = document.members else { throw Self.invalid("the bundle must be a JSON object") }
        let allowed = ["zis_template_version", "name", "description", "resources"]
        for member in members where !allowed.contains(member.key) {
            throw Self.invalid("unknown field \(member.key) (expected one of: \(allowed.joined(separator: ", ")))")
        }
        guard let version = document["zis_template_version"] else { throw Self.invalid("zis_template_version is required") }
        guard version.text == Self.templateVersion else {
            throw Self.invalid("zis_template_version must be \"\(Self.templateVersion)\"")
        }
        guard let name = try Self.string("name", of: document, at: ""), !name.isEmpty else { throw Self.invalid("name is required") }
        _ = try Self.string("description", of: document, at: "")
        guard let resources = document["resources"] else { throw Self.invalid("resources is required") }
        guard let entries = resources.members else { throw Self.invalid("resources must be an object, found \(resources.typeDescription)") }
        let parsed = try entries.map { entry throws(ZISError) in try BundleResource(entry.value, key: entry.key, types: resourceTypes) }
        try Self.checkReferences(parsed, integration: integration)
        self.name = name
        self.uuid = uuid
        self.document = document.kept
        jobSpecNames = parsed.filter { $0.type == "ZIS::JobSpec" }.map(\.name)
    }

    /// A job spec's `flow_name` and a flow's `ActionName`s that point into this integration
    /// (`zis:<integration>:flow:<name>`, `…:action:<name>`) must name resources of the bundle
    /// [doc: "The flow named … is referenced in the job spec by its name"]. Built-in actions
    /// (`zis:common:…`) and other integrations' names are not checked.
    private static func checkReferences(_ resources: [BundleResource], integration: String) throws(ZISError) {
        func names(_ type: String) -> Set<String> { Set(resources.filter { $0.type == type }.map(\.name)) }
        let flows = names("ZIS::Flow")
        let actions = names("ZIS::Action::Http")
        for resource in resources {
            for reference in resource.references {
                switch reference.kind {
                case .flow:
                    let field = "resources.\(resource.key).properties.flow_name"
                    let prefix = "zis:\(integration):flow:"
                    guard reference.name.hasPrefix(prefix) else {
                        throw invalid("\(field) must be \(prefix)<flow name>, found \(reference.name)")
                    }
                    guard flows.contains(String(reference.name.dropFirst(prefix.count))) else {
                        throw invalid("\(field) names \(reference.name), a ZIS::Flow this bundle does not define")
                    }
                case .action:
                    let prefix = "zis:\(integration):action:"
                    guard reference.name.hasPrefix(prefix), !actions.contains(String(reference.name.dropFirst(prefix.count))) else { continue }
                    throw invalid(
                        "resources.\(resource.key).properties.definition.States.\(reference.state).ActionName names \(reference.name), "
                            + "a ZIS::Action::Http this bundle does not define")
                }
            }
        }
    }

    static func string(_ key: String, of object: JSONValue, at path: String) throws(ZISError) -> String? {
        guard let value = object[key] else { return nil }
        guard let text = value.text else { throw invalid("\(path)\(key) must be a string, found \(value.typeDescription)") }
        return text
    }

    static func invalid(_ detail: String) -> ZISError {
        .registryInvalid(detail: detail)
    }
}

/// One entry of a bundle's `resources`: `{"type": …, "properties": {"name": …, …}}`.
struct BundleResource {
    let key: String
    let type: String
    let name: String
    let references: [Reference]

    struct Reference {
        enum Kind { case flow, action }
        let kind: Kind
        let name: String
        /// The flow state that names an action; empty for a job spec's flow.
        let state: String
    }

    init(_ value: JSONValue, key: String, types: [String]?) throws(ZISError) {
        let path = "resources.\(key)."
        guard value.members != nil else { throw ZISBundle.invalid("resources.\(key) must be an object, found \(value.typeDescription)") }
        guard let type = try ZISBundle.string("type", of: value, at: path) else { throw ZISBundle.invalid("\(path)type is required") }
        if let types, !types.contains(type) {
            throw ZISBundle.invalid("\(path)type \(type) is not one of: \(types.joined(separator: ", "))")
        }
        guard let properties = value["properties"] else { throw ZISBundle.invalid("\(path)properties is required") }
        guard properties.members != nil else {
            throw ZISBundle.invalid("\(path)properties must be an object, found \(properties.typeDescription)")
        }
        let propertiesPath = "\(path)properties."
        guard let name = try ZISBundle.string("name", of: properties, at: propertiesPath), !name.isEmpty else {
            throw ZISBundle.invalid("\(propertiesPath)name is required")
        }
        var references: [Reference] = []
        switch type {
        case "ZIS::JobSpec":
            for field in ["event_source", "event_type", "flow_name"] {
                guard let text = try ZISBundle.string(field, of: properties, at: propertiesPath), !text.isEmpty else {
                    throw ZISBundle.invalid("\(propertiesPath)\(field) is required")
                }
                if field == "flow_name" { references.append(Reference(kind: .flow, name: text, state: "")) }
            }
        case "ZIS::Flow", "ZIS::Action::Http":
            guard let definition = properties["definition"] else { throw ZISBundle.invalid("\(propertiesPath)definition is required") }
            guard definition.members != nil else {
                throw ZISBundle.invalid("\(propertiesPath)definition must be an object, found \(definition.typeDescription)")
            }
            if type == "ZIS::Flow", let states = definition["States"]?.members {
                for state in states {
                    if let action = state.value["ActionName"]?.text {
                        references.append(Reference(kind: .action, name: action, state: state.key))
                    }
                }
            }
        default:
            break  // another type (`--bundle-resource-type`, a seed's): only its name is checked
        }
        self.key = key
        self.type = type
        self.name = name
        self.references = references
    }
}
