import Foundation

/// Checks a Teams message (as decoded JSON) against the published Adaptive Card schema, for the element
/// types PullDoctor emits: the allowed properties of each (the schema sets `additionalProperties: false`),
/// required ones, enum values, and that nothing newer than the card's declared version is used.
///
/// The rules were read from microsoft/AdaptiveCards `schemas/1.5.0/adaptive-card.json` (definitions
/// AdaptiveCard, TextBlock, RichTextBlock, TextRun, Container, Action.OpenUrl, and the Colors,
/// FontSize, FontWeight, FontType, Spacing and ContainerStyle enums); an element type not listed here
/// counts as a violation, so a new element cannot slip past unchecked.
enum AdaptiveCardRules {
    private struct Element {
        var properties: Set<String>
        var required: Set<String>
        /// The schema version that introduced the type.
        var since: Double
    }

    private static let elementCommon: Set<String> = ["type", "fallback", "height", "separator", "spacing", "id", "isVisible", "requires"]

    private static let elements: [String: Element] = [
        "TextBlock": Element(properties: elementCommon.union(["text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap", "style"]), required: ["text"], since: 1.0),
        "RichTextBlock": Element(properties: elementCommon.union(["inlines", "horizontalAlignment"]), required: ["inlines"], since: 1.2),
        "Container": Element(properties: elementCommon.union(["items", "selectAction", "style", "verticalContentAlignment", "bleed", "backgroundImage", "minHeight"]), required: ["items"], since: 1.0),
    ]
    private static let textRun: Set<String> = ["type", "text", "color", "fontType", "highlight", "isSubtle", "italic", "selectAction", "size", "strikethrough", "underline", "weight"]
    private static let openURL: Set<String> = ["type", "url", "title", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode", "requires"]
    private static let card: Set<String> = ["type", "version", "refresh", "authentication", "body", "actions", "selectAction", "fallbackText", "backgroundImage", "minHeight", "rtl", "speak", "lang", "verticalContentAlignment", "$schema"]

    private static let enums: [String: Set<String>] = [
        "color": ["default", "dark", "light", "accent", "good", "warning", "attention"],
        "size": ["default", "small", "medium", "large", "extraLarge"],
        "weight": ["default", "lighter", "bolder"],
        "fontType": ["default", "monospace"],
        "spacing": ["default", "none", "small", "medium", "large", "extraLarge", "padding"],
    ]
    private static let containerStyles: Set<String> = ["default", "emphasis", "good", "attention", "warning", "accent"]
    /// Properties added after 1.4 in the schema (`version: "1.5"`): not allowed on a 1.4 card.
    private static let newIn15: Set<String> = ["rtl", "tooltip", "isEnabled", "mode"]

    static func violations(_ json: Any?) -> [String] {
        guard let message = json as? [String: Any] else { return ["message is not a JSON object"] }
        var out: [String] = []
        if message["type"] as? String != "message" { out.append("envelope type is not \"message\"") }
        guard let attachments = message["attachments"] as? [[String: Any]], attachments.count == 1 else {
            return out + ["exactly one attachment expected"]
        }
        if attachments[0]["contentType"] as? String != "application/vnd.microsoft.card.adaptive" { out.append("wrong contentType") }
        guard let content = attachments[0]["content"] as? [String: Any] else { return out + ["attachment content missing"] }
        out += extra(content, card, "card")
        if content["type"] as? String != "AdaptiveCard" { out.append("card type is not AdaptiveCard") }
        guard let versionText = content["version"] as? String, let version = Double(versionText), version >= 1.0, version <= 1.5 else {
            return out + ["card version missing or not 1.0...1.5 (the top-level card requires it)"]
        }
        if version < 1.5 { out += Set(content.keys).intersection(newIn15).map { "card: \($0) needs version 1.5" } }
        guard let body = content["body"] as? [[String: Any]] else { return out + ["body missing"] }
        for (index, element) in body.enumerated() { out += check(element, version: version, path: "body[\(index)]") }
        for (index, action) in (content["actions"] as? [[String: Any]] ?? []).enumerated() {
            let path = "actions[\(index)]"
            if action["type"] as? String != "Action.OpenUrl" { out.append("\(path): only Action.OpenUrl is checked"); continue }
            out += extra(action, openURL, path)
            if version < 1.5 { out += Set(action.keys).intersection(newIn15).map { "\(path): \($0) needs version 1.5" } }
            if (action["url"] as? String)?.isEmpty ?? true { out.append("\(path): url required") }
        }
        return out
    }

    private static func check(_ element: [String: Any], version: Double, path: String) -> [String] {
        guard let type = element["type"] as? String, let rule = elements[type] else {
            return ["\(path): element type \(element["type"] ?? "nil") is not one this check knows"]
        }
        var out = extra(element, rule.properties, path)
        if rule.since > version { out.append("\(path): \(type) needs version \(rule.since)") }
        for key in rule.required where element[key] == nil { out.append("\(path): \(key) required") }
        out += enumViolations(element, path)
        if type == "TextBlock", (element["text"] as? String)?.isEmpty ?? true { out.append("\(path): empty text") }
        if type == "TextBlock", element["style"] != nil, version < 1.5 { out.append("\(path): TextBlock.style needs version 1.5") }
        if type == "Container" {
            if let style = element["style"] as? String, !containerStyles.contains(style) { out.append("\(path): style \(style)") }
            for (index, item) in (element["items"] as? [[String: Any]] ?? []).enumerated() {
                out += check(item, version: version, path: "\(path).items[\(index)]")
            }
        }
        if type == "RichTextBlock" {
            for (index, inline) in (element["inlines"] as? [[String: Any]] ?? []).enumerated() {
                let at = "\(path).inlines[\(index)]"
                if inline["type"] as? String != "TextRun" { out.append("\(at): type must be TextRun") }
                out += extra(inline, textRun, at)
                if inline["text"] as? String == nil { out.append("\(at): text required") }
                out += enumViolations(inline, at)
            }
        }
        return out
    }

    private static func extra(_ object: [String: Any], _ allowed: Set<String>, _ path: String) -> [String] {
        Set(object.keys).subtracting(allowed).sorted().map { "\(path): property \($0) not in the schema" }
    }

    private static func enumViolations(_ object: [String: Any], _ path: String) -> [String] {
        enums.compactMap { key, values in
            guard let value = object[key] else { return nil }
            guard let text = value as? String, values.contains(text) else { return "\(path): \(key) \(value) not allowed" }
            return nil
        }
    }
}
