import Foundation

extension DiagnosisReport {
    /// The diagnosis as an operator reads it in a terminal: cause, summary, evidence, fix, gaps.
    public var text: String {
        var lines: [String] = []
        switch verdict {
        case .imagePull:
            lines.append("\(incident.namespace)/\(affected.first?.pod ?? incident.ownerName): \(category.rawValue) / \(reason.rawValue) (confidence \(confidence.rawValue))\(partial ? " [partial]" : "")")
        default:
            lines.append("\(incident.namespace): \(verdict.rawValue)")
        }
        lines.append("  \(summary)")
        if !image.isEmpty { lines.append("  image: \(image)\(node.map { "   node: \($0)" } ?? "")") }
        if !evidence.isEmpty {
            lines += ["", "Evidence:"]
            for item in evidence {
                lines.append("  - [\(item.source.rawValue)] \(item.observation)")
                if let quote = item.quote, !quote.isEmpty { lines.append("      \"\(quote.prefix(400))\"") }
            }
        }
        if !remediation.isEmpty {
            lines += ["", "Fix:"]
            for (index, step) in remediation.enumerated() {
                lines.append("  \(index + 1). \(step.title)")
                for command in step.commands { lines.append("       \(command)") }
            }
        }
        if affected.count > 1 {
            lines += ["", "Affected (\(affected.count)):"]
            for item in affected.prefix(20) { lines.append("  - \(item.namespace)/\(item.pod) container \(item.container)") }
            if affected.count > 20 { lines.append("  ... and \(affected.count - 20) more") }
        }
        if !unchecked.isEmpty {
            lines += ["", "Not checked:"]
            for item in unchecked { lines.append("  - \(item.what): \(item.why)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The documented JSON form: snake_case keys, RFC 3339 times, sorted keys.
    public func json(pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
