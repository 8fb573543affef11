/// Loads seed data (spec §7): one file, or a folder whose `*.json` files are merged in
/// filename order. Any broken rule stops the load with a `SeedError`.
public enum SeedLoader {
    public static func load(path: String, loadTime: String = Timestamp.now()) throws(SeedError) -> Seed {
        // By now the file's bytes and the decoder's working arrays are freed; see `returnFreedMemory`.
        defer { returnFreedMemory() }
        guard try SeedFiles.isDirectory(path) else {
            return try SeedFiles.withContents(path) { bytes throws(SeedError) in try parse(bytes, file: path, loadTime: loadTime) }
        }
        let names = try SeedFiles.jsonFileNames(in: path)
        guard !names.isEmpty else { throw SeedError(file: path, rule: "folder contains no *.json seed files") }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        var claimed = SeedDecoder.ClaimedNames()
        var merged = Seed()
        for name in names {
            let file = "\(folder)/\(name)"
            let document: Seed
            (document, claimed, _) = try SeedFiles.withContents(file) { bytes throws(SeedError) in
                try SeedDecoder.decode(bytes, file: file, loadTime: loadTime, claimed: claimed)
            }
            merged.integrations += document.integrations
            merged.admins += document.admins
            merged.zendeskAccountID = document.zendeskAccountID ?? merged.zendeskAccountID
        }
        return merged
    }

    /// `file` only names the source in error messages.
    public static func parse(_ bytes: [UInt8], file: String, loadTime: String = Timestamp.now()) throws(SeedError) -> Seed {
        try bytes.withUnsafeBufferPointer { bytes throws(SeedError) in try parse(bytes, file: file, loadTime: loadTime) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, loadTime: String) throws(SeedError) -> Seed {
        try SeedDecoder.decode(bytes, file: file, loadTime: loadTime, claimed: SeedDecoder.ClaimedNames()).seed
    }

    /// `seed-data/default.json`, compiled into the binary so the server starts without any file.
    public static let defaultSeed: Seed = {
        do {
            return try parse(Array(DefaultSeed.json.utf8), file: DefaultSeed.sourcePath)
        } catch {
            // A test loads the embedded seed, so this can only fire in a build that skipped the tests.
            fatalError("embedded default seed does not load: \(error)")
        }
    }()

    /// Loading frees much of what it allocated (the file's bytes, the decoder's working arrays),
    /// and so does dropping a seed once the server's state is built from it; glibc keeps freed
    /// pages of small blocks resident for the life of the process unless asked (with a thousand
    /// integrations, whose arrays are small blocks, that was a third of the memory).
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = mallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
/// glibc's `malloc_trim`, declared here because the Glibc module leaves out `<malloc.h>`. Bound at
/// link time: the release build is a static executable, where `dlsym` finds nothing.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
