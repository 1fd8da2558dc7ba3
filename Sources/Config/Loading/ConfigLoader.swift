import Foundation
import Notify
import Yams

/// Loads the YAML configuration: `${VAR}` expansion in values, strict decoding, and errors that carry
/// the file and line.
public struct ConfigLoader: Sendable {
    /// Variables for `${VAR}` expansion. Default: the process environment.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads and decodes the file at `path`; relative `*_file` paths resolve against its folder.
    public func load(path: String) throws(ConfigError) -> PullDoctorConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(reason: .unreadable, file: path, field: "", problem: "cannot read the config file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            let base = folder.isEmpty ? "." : folder
            return try ConfigFiles.$baseDirectory.withValue(base) {
                try SinkConfig.$baseDirectory.withValue(base) {
                    try load(text: String(decoding: data, as: UTF8.self))
                }
            }
        } catch var located as ConfigError {
            located.file = path
            throw located
        } catch {
            throw ConfigError(reason: .invalidValue, file: path, field: "", problem: "\(error)")
        }
    }

    /// Decodes configuration text. An empty document is the default configuration.
    public func load(text: String) throws(ConfigError) -> PullDoctorConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error)
        } catch {
            throw ConfigError(reason: .syntax, field: "", problem: "not valid YAML")
        }
        guard var node else { return PullDoctorConfig() }
        if case .scalar(let scalar) = node, scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            return PullDoctorConfig()
        }
        // Aliases make the composed tree a DAG that can expand exponentially ("billion laughs"): bound it
        // before anything walks it.
        var budget = Self.maxNodes
        guard Self.fits(node, budget: &budget) else {
            throw ConfigError(reason: .invalidValue, field: "",
                              problem: "the document expands to more than \(Self.maxNodes) YAML nodes (nested aliases?)")
        }
        try expandEnvironment(&node)
        do {
            return try YAMLDecoder().decode(PullDoctorConfig.self, from: node)
        } catch let error as ConfigError {
            var located = error
            located.line = NodePath.line(of: error.field, in: node)
            throw located
        } catch let error as DecodingError {
            throw Self.translate(error, root: node)
        } catch {
            throw ConfigError(reason: .invalidValue, field: "", problem: "\(error)")
        }
    }

    /// Replaces `${VAR}` in every scalar value (not in keys, not in comments); `$${` escapes a literal `${`.
    private func expandEnvironment(_ node: inout Node) throws(ConfigError) {
        switch node {
        case .scalar(var scalar):
            guard scalar.string.contains("${") else { return }
            scalar.string = try EnvironmentExpansion.expand(scalar.string, environment: environment, line: scalar.mark?.line)
            node = .scalar(scalar)
        case .mapping(var mapping):
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                var value = value
                try expandEnvironment(&value)
                pairs.append((key, value))
            }
            mapping = Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
            node = .mapping(mapping)
        case .sequence(var sequence):
            var items: [Node] = []
            for item in sequence {
                var item = item
                try expandEnvironment(&item)
                items.append(item)
            }
            sequence = Node.Sequence(items, sequence.tag, sequence.style, sequence.mark)
            node = .sequence(sequence)
        case .alias:
            return
        }
    }

    /// The largest configuration tree accepted, aliases expanded. A real config has a few hundred nodes.
    static let maxNodes = 100_000

    /// Counts nodes as a walk would see them (each alias use counts in full), stopping at the budget.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar:
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard fits(key, budget: &budget), fits(value, budget: &budget) else { return false }
            }
            return true
        case .sequence(let sequence):
            for item in sequence where !fits(item, budget: &budget) { return false }
            return true
        case .alias:
            return true
        }
    }

    static func translate(_ error: DecodingError, root: Node) -> ConfigError {
        let (reason, path, problem): (ConfigError.Reason, [any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context):
            (reason, path, problem) = (.wrongType, context.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            (reason, path, problem) = (.wrongType, context.codingPath, "expected \(typeName(type)), found nothing")
        case .keyNotFound(let key, let context):
            (reason, path, problem) = (.invalidValue, context.codingPath + [key], "required field is missing")
        case .dataCorrupted(let context):
            (reason, path, problem) = (.invalidValue, context.codingPath, context.debugDescription)
        @unknown default:
            (reason, path, problem) = (.invalidValue, [], "\(error)")
        }
        let field = ConfigError.render(path)
        return ConfigError(reason: reason, line: NodePath.line(of: field, in: root), field: field, problem: problem)
    }

    static func syntaxError(_ error: YamlError) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ConfigError(reason: .syntax, line: mark.line, field: "", problem: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Only the key names: Yams's own description quotes the whole document, secrets included.
            let keys = duplicates.map { $0.count > 64 ? String($0.prefix(64)) + "..." : $0 }.sorted()
            let allScalar = duplicates.allSatisfy { !$0.contains("\n") && !$0.hasPrefix("{") && !$0.hasPrefix("[") && !$0.contains("<uncovertable>") }
            return ConfigError(reason: .syntax, line: allScalar ? context.mark.line : nil, field: "",
                               problem: "duplicated keys in a mapping: \(keys.joined(separator: ", "))")
        default:
            // Never "\(error)": some Yams errors quote the document, and the document may hold secrets.
            return ConfigError(reason: .syntax, field: "", problem: "not valid YAML")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Level") || name.hasPrefix("Format") { return "one of the listed values" }
            return "a mapping"
        }
    }
}
