import Yams

extension JSONValue {
    /// Every document of a YAML stream as JSON trees, empty documents dropped.
    ///
    /// Scalars follow the YAML 1.1 rules Kubernetes' own YAML reader applies to plain (unquoted) values:
    /// `true`, `3`, `1.5`, `null`. Quoted scalars stay strings, and timestamps stay the text they were written
    /// as, since the API serves them as strings.
    static func documents(fromYAML text: String) throws -> [JSONValue] {
        var documents: [JSONValue] = []
        for node in try Yams.compose_all(yaml: text) {
            let value = JSONValue(yamlNode: node)
            if value != .null { documents.append(value) }
        }
        return documents
    }

    /// A single YAML document; `.null` for an empty one.
    static func document(fromYAML text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return JSONValue(yamlNode: node)
    }

    init(yamlNode node: Node) {
        switch node {
        case .scalar(let scalar):
            self = JSONValue(yamlScalar: scalar, node: node)
        case .sequence(let sequence):
            self = .array(sequence.map { JSONValue(yamlNode: $0) })
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                object[key.string ?? ""] = JSONValue(yamlNode: value)
            }
            self = .object(object)
        case .alias:
            // Yams' parser replaces aliases with the anchored node; a bare alias cannot reach here.
            self = .null
        }
    }

    private init(yamlScalar scalar: Node.Scalar, node: Node) {
        guard scalar.style == .plain || scalar.style == .any else {
            self = .string(scalar.string)
            return
        }
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null:
            self = .null
        case .bool:
            self = node.bool.map(JSONValue.bool) ?? .string(scalar.string)
        case .int:
            self = node.int.map(JSONValue.int) ?? .string(scalar.string)
        case .float:
            self = node.float.map(JSONValue.double) ?? .string(scalar.string)
        default:
            self = .string(scalar.string)
        }
    }
}
