/// The default seed's text lives in `DefaultSeed+Embedded.swift`, generated from
/// `seed-data/default.json` by `scripts/embed-default-seed`; a test checks the two are identical.
enum DefaultSeed {
    static let sourcePath = "seed-data/default.json"
}
