/// A coding path written the way a person reads JSON or YAML: `alerts[2].labels.pod`, `sinks[0].url`.
/// Webhook errors and configuration errors both name their field with it.
public enum FieldPath {
    public static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }
}
