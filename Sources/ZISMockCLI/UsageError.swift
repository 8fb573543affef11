/// Bad usage: one line that says what is wrong (and, for a misspelled flag, what was probably
/// meant); the caller adds a hint pointing at `--help` rather than printing the whole help.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// An argument that is no option: `--prot` gets "did you mean '--port'?".
    static func unknown(_ argument: String, flag: String) -> UsageError {
        let known = CommandLineOptions.options.map(\.flag) + ["--help", "--version"]
        let kind = flag.hasPrefix("-") ? "unknown option" : "unexpected argument"
        // A lone word may be a misspelled subcommand, or a flag written without its dashes.
        let candidates = flag.hasPrefix("-") ? known : ["healthcheck"] + known.map { String($0.dropFirst(2)) }
        guard let guess = closest(to: flag, among: candidates) else { return UsageError("\(kind) '\(argument)'") }
        let meant = flag.hasPrefix("-") || guess == "healthcheck" ? guess : "--" + guess
        return UsageError("\(kind) '\(argument)'; did you mean '\(meant)'?")
    }

    /// The candidate a typo most likely stands for: the nearest by edit distance (a swap of two
    /// neighbours counts as one edit), if it is near enough to be a typo, else a unique candidate
    /// that starts with `word` (an abbreviation).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let allowed = word.count <= 5 ? 1 : 2
        let scored = candidates.map { (candidate: $0, distance: editDistance(word, $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= allowed { return best.candidate }
        let extensions = candidates.filter { $0.hasPrefix(word) && word.count >= 3 }
        return extensions.count == 1 ? extensions[0] : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
