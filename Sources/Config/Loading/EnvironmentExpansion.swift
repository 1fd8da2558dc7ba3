/// `${VAR}` expansion in configuration values, so secrets can come from the environment.
enum EnvironmentExpansion {
    /// Expands `${NAME}`; `$${` stays a literal `${`. An unset variable is an error, not an empty string:
    /// an empty token would silently turn auth off.
    static func expand(_ text: String, environment: [String: String], line: Int?) throws(ConfigError) -> String {
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("${") {
                out += "${"
                rest = after.dropFirst(2)
                continue
            }
            guard after.hasPrefix("{"), let close = after.firstIndex(of: "}") else {
                out += "$"
                rest = after
                continue
            }
            let name = String(after[after.index(after: after.startIndex)..<close])
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigError(reason: .invalidValue, line: line, field: "", problem: "\"${\(name)}\" is not a valid variable name")
            }
            guard let value = environment[name] else {
                throw ConfigError(
                    reason: .missingEnvironment, line: line, field: "",
                    problem: "environment variable \(name) is not set (referenced as ${\(name)})")
            }
            out += value
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out
    }
}
