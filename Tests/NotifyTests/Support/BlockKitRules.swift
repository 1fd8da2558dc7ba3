import Foundation

/// Checks a Slack message (as decoded JSON) against Block Kit's published rules for the blocks it uses
/// (https://api.slack.com/reference/block-kit/blocks, .../composition-objects#text): known block types
/// with only their own fields, required fields present, text objects of type `plain_text` or `mrkdwn`
/// with 1 to N characters, at most 50 blocks, at most 10 context elements. Returns the violations.
enum BlockKitRules {
    static let maxBlocks = 50

    static func violations(_ json: Any?) -> [String] {
        guard let message = json as? [String: Any] else { return ["message is not a JSON object"] }
        var out: [String] = []
        let unknownTop = Set(message.keys).subtracting(["text", "blocks", "metadata"])
        if !unknownTop.isEmpty { out.append("unexpected top-level fields \(unknownTop.sorted())") }
        // Message metadata (https://docs.slack.dev/messaging/message-metadata): exactly an event_type string and
        // an event_payload object.
        if let metadata = message["metadata"] {
            if let object = metadata as? [String: Any], Set(object.keys) == ["event_type", "event_payload"],
               let type = object["event_type"] as? String, !type.isEmpty, object["event_payload"] is [String: Any] {
            } else {
                out.append("metadata must hold exactly a non-empty event_type and an event_payload object")
            }
        }
        if let text = message["text"] as? String { if text.isEmpty { out.append("text is empty") } } else { out.append("text (the fallback) missing") }
        guard let blocks = message["blocks"] as? [[String: Any]] else { return out + ["blocks missing or not a list of objects"] }
        if blocks.isEmpty || blocks.count > maxBlocks { out.append("\(blocks.count) blocks (allowed 1...\(maxBlocks))") }
        for (index, block) in blocks.enumerated() {
            out += check(block).map { "blocks[\(index)]: \($0)" }
        }
        return out
    }

    private static func check(_ block: [String: Any]) -> [String] {
        guard let type = block["type"] as? String else { return ["type missing"] }
        var out: [String] = []
        func allow(_ keys: Set<String>) {
            let extra = Set(block.keys).subtracting(keys.union(["type", "block_id"]))
            if !extra.isEmpty { out.append("\(type) has unexpected fields \(extra.sorted())") }
        }
        switch type {
        case "header":
            allow(["text"])
            out += text(block["text"], types: ["plain_text"], max: 150)
        case "section":
            allow(["text", "fields", "accessory"])
            if block["text"] == nil && block["fields"] == nil { out.append("section needs text or fields") }
            if let value = block["text"] { out += text(value, types: ["plain_text", "mrkdwn"], max: 3000) }
        case "context":
            allow(["elements"])
            guard let elements = block["elements"] as? [Any], (1...10).contains(elements.count) else {
                return out + ["context needs 1 to 10 elements"]
            }
            for element in elements { out += text(element, types: ["plain_text", "mrkdwn"], max: 3000) }
        case "divider":
            allow([])
        default:
            out.append("block type \(type) is not one this check knows")
        }
        return out
    }

    /// A text object: `{type, text[, emoji][, verbatim]}`, `emoji` only on plain_text.
    private static func text(_ value: Any?, types: Set<String>, max: Int) -> [String] {
        guard let object = value as? [String: Any], let type = object["type"] as? String,
              let text = object["text"] as? String else { return ["text object missing type or text"] }
        var out: [String] = []
        if !types.contains(type) { out.append("text type \(type) not allowed here") }
        let allowed: Set<String> = type == "plain_text" ? ["type", "text", "emoji"] : ["type", "text", "verbatim"]
        let extra = Set(object.keys).subtracting(allowed)
        if !extra.isEmpty { out.append("text object has unexpected fields \(extra.sorted())") }
        let length = text.utf16.count
        if length < 1 || length > max { out.append("text of \(length) characters (allowed 1...\(max))") }
        return out
    }
}
