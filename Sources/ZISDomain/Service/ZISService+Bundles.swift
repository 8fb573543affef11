/// The Registry's bundles and job specs (issue 22). Callers are admins, as for the rest of the
/// Registry; errors are the Registry's (`registryInvalid`, 404s) in its envelope.
extension ZISService {
    /// `POST /api/services/zis/registry/{integration}/bundles` [doc: "Upload or update bundles"]:
    /// a bundle of a name already uploaded replaces it and keeps its uuid [ours].
    package func uploadBundle(_ fields: RequestFields, integration: String) throws(ZISError) -> ZISBundle {
        let document = JSONValue(.object(fields.members), at: SourcePosition(line: 1, column: 1))
        // An unknown integration is refused before the bundle is read; the check itself reads no
        // state, so it runs outside the lock (which is taken again to store, in case a reset came between).
        guard state.withLock({ $0.integrations[integration] != nil }) else { throw Self.unknownRegistryIntegration(integration) }
        var bundle = try ZISBundle(
            validating: document, integration: integration, uuid: RandomToken.uuidV4(),
            resourceTypes: ZISBundle.resourceTypes + extraBundleResourceTypes)
        return try commit { state, changes throws(ZISError) -> ZISBundle in
            guard let integrationState = state.integrations[integration] else { throw Self.unknownRegistryIntegration(integration) }
            if let previous = integrationState.bundles[bundle.name] { bundle.uuid = previous.uuid }
            state.integrations[integration]!.bundles[bundle.name] = bundle
            changes.record(.setUpSaved(state.setUp(of: integration)))
            return bundle
        }
    }

    /// `POST /api/services/zis/registry/job_specs/install?job_spec_name=zis:{integration}:job_spec:{name}`
    /// (`install: true`) and its `DELETE` (`install: false`). A name no uploaded bundle of the
    /// integration defines is 404 [ours: the status]; installing twice, or uninstalling what is
    /// not installed, succeeds [ours].
    package func setJobSpec(_ qualifiedName: JobSpecName, installed install: Bool) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard let integration = state.integrations[qualifiedName.integration] else {
                throw Self.unknownRegistryIntegration(qualifiedName.integration)
            }
            guard integration.bundles.values.contains(where: { $0.jobSpecNames.contains(qualifiedName.name) }) else {
                throw .notFound(detail: "Job spec \(qualifiedName.text) is not defined by any bundle of \(qualifiedName.integration)")
            }
            if install {
                state.integrations[qualifiedName.integration]!.installedJobSpecs.insert(qualifiedName.name)
            } else {
                state.integrations[qualifiedName.integration]!.installedJobSpecs.remove(qualifiedName.name)
            }
            changes.record(.setUpSaved(state.setUp(of: qualifiedName.integration)))
        }
    }

    /// An admin, or a ZIS bearer token of `integration` with scope `write` (job specs, issue 22).
    /// A bearer token that is neither is refused as the ZIS endpoints refuse it; any other
    /// credential as the admin endpoints do.
    package func authorizeAdminOrIntegration(_ credentials: Credentials, integration: String) throws(ZISError) {
        do {
            _ = try authenticateAdmin(credentials, changesState: true)
        } catch {
            guard case .bearer = credentials else { throw error }
            _ = try authorize(credentials, integration: integration, scope: .write, changesState: true)
        }
    }

    /// The integration's installed job specs, by short name in byte order.
    package func installedJobSpecs(integration: String) -> [String] {
        state.withLock { $0.integrations[integration]?.installedJobSpecs ?? [] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func unknownRegistryIntegration(_ name: String) -> ZISError {
        .notFound(detail: "Integration \(name) is not registered")
    }
}
