/// The default seed's text, `DefaultSeed.json`, is `seed-data/default.json` compiled in as a string
/// literal by the EmbedAsLiteral build-tool plugin (Plugins/EmbedAsLiteral); nothing is checked in.
enum DefaultSeed {
    static let sourcePath = "seed-data/default.json"
}
