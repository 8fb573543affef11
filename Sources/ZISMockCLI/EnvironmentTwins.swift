import Glibc

/// The process's `ZIS_MOCK_*` variables: the options' twins, and any other name with the prefix,
/// which is most likely a typo (`ZIS_MOCK_PROT`) that would otherwise be ignored without a word.
enum EnvironmentTwins {
    static func read() -> (twins: [String: String], unknown: [String]) {
        let known = Set(CommandLineOptions.options.map(\.environmentName))
        var twins: [String: String] = [:]
        var unknown: [String] = []
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            entry = entry.successor()
            guard text.hasPrefix("ZIS_MOCK_"), let equals = text.firstIndex(of: "=") else { continue }
            let name = String(text[..<equals])
            if known.contains(name) {
                twins[name] = String(text[text.index(after: equals)...])
            } else {
                unknown.append(name)
            }
        }
        return (twins, unknown.sorted())
    }

    /// A warning, not an error: other tools may share the prefix, and the server still starts.
    static func warning(about name: String) -> String {
        let guess = UsageError.closest(to: name, among: CommandLineOptions.options.map(\.environmentName))
        return "zis-mock: ignoring \(name), which no option reads" + (guess.map { "; did you mean \($0)?" } ?? "")
    }
}
