import Foundation
import PackagePlugin

/// Compiles text files into a target as string literals generated at build time, so no copy is
/// checked in and none can fall behind: `seed-data/default.json` becomes
/// `extension DefaultSeed { static let json = #"""…"""# }` in ZISDomain.
///
/// The files stay where users and tools look for them, outside `Sources`, so this table names them
/// rather than the target's folder holding them: SwiftPM warns about every file in a target's folder
/// it does not build itself, even one a plugin reads (swiftlang/swift-package-manager#6935).
@main
struct EmbedAsLiteral: BuildToolPlugin {
    struct Embedding {
        /// From the package's root.
        let file: String
        /// The generated code is `extension type { static let property: String }`.
        let type: String
        let property: String
    }

    static let embeddings: [String: [Embedding]] = [
        "ZISDomain": [Embedding(file: "seed-data/default.json", type: "DefaultSeed", property: "json")],
        "ZISMockRouting": [
            Embedding(file: "openapi/zis-mock.yaml", type: "OpenAPIRoute", property: "yaml"),
            Embedding(file: "dashboard/index.html", type: "DashboardRoute", property: "html"),
        ],
    ]

    struct NothingToEmbed: Error, CustomStringConvertible {
        let target: String
        var description: String { "EmbedAsLiteral: no file to embed in \(target); add it to EmbedAsLiteral.embeddings" }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let embeddings = Self.embeddings[target.name] else { throw NothingToEmbed(target: target.name) }
        let tool = try context.tool(named: "EmbedAsLiteralTool")
        return embeddings.map { embedding in
            let input = context.package.directoryURL.appending(path: embedding.file)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.type)+Embedded.swift")
            return .buildCommand(
                displayName: "Embedding \(embedding.file) in \(target.name)",
                executable: tool.url,
                arguments: [input.path, output.path, embedding.type, embedding.property],
                inputFiles: [input],
                outputFiles: [output])
        }
    }
}
