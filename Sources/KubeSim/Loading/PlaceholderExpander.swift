import Foundation

/// Replaces `${NAME}` placeholders in fixture text before it is parsed, so one scenario can point at a
/// registry started on a random port (`image: 127.0.0.1:${REGISTRY_PORT}/shop/web:1.4`).
///
/// Forms:
/// - `${NAME}`: the value given with `--set NAME=VALUE`; a name with no value is an error, so a typo in a
///   fixture fails loudly instead of serving a half-substituted image reference.
/// - `${NAME:-default}`: the value, or `default` when none was given.
/// - `${NOW}`, `${NOW-5m}`, `${NOW+1h}`: the load time (optionally shifted; units `s`, `m`, `h`, `d`) as an
///   RFC 3339 timestamp, so events and pods can look recent. A `--set NOW=...` value wins.
///
/// Text such as `${1}` or `${{...}}` that is not a placeholder name is left alone.
struct PlaceholderExpander {
    /// Values from `--set`.
    var values: [String: String]
    /// The time `${NOW}` stands for.
    var now: Date

    /// The text with every placeholder replaced, or an error naming every placeholder without a value.
    func expand(_ text: String) throws(PlaceholderError) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        var missing: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                rest = rest[rest.endIndex...]
                break
            }
            let body = String(afterOpen[..<close])
            if let replacement = resolve(body, missing: &missing) {
                output += replacement
            } else {
                output += rest[start.lowerBound...close]
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        output += rest
        if !missing.isEmpty { throw PlaceholderError(names: missing) }
        return output
    }

    /// The replacement for one placeholder body; `nil` when the body is not a placeholder at all.
    private func resolve(_ body: String, missing: inout [String]) -> String? {
        let name: String
        let fallback: String?
        if let separator = body.range(of: ":-") {
            name = String(body[..<separator.lowerBound])
            fallback = String(body[separator.upperBound...])
        } else {
            name = body
            fallback = nil
        }
        if let value = values[name] { return value }
        if let time = relativeNow(name) { return KubeTime.format(time) }
        guard Self.isPlaceholderName(name) else { return nil }
        if let fallback { return fallback }
        if !missing.contains(name) { missing.append(name) }
        return ""
    }

    /// `NOW`, `NOW-90s`, `NOW+2h` as a date; `nil` for any other name.
    private func relativeNow(_ name: String) -> Date? {
        guard name.hasPrefix("NOW") else { return nil }
        let offset = name.dropFirst(3)
        if offset.isEmpty { return now }
        guard let sign = offset.first, sign == "-" || sign == "+",
            let duration = DurationText.parse(String(offset.dropFirst()))
        else { return nil }
        let seconds = Double(duration.wholeMilliseconds) / 1000
        return now.addingTimeInterval(sign == "-" ? -seconds : seconds)
    }

    /// Shell-style names: a letter or underscore, then letters, digits, underscores.
    static func isPlaceholderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}

/// Placeholders that had no `--set` value and no default.
struct PlaceholderError: Error, Equatable {
    /// The names, in order of first appearance.
    var names: [String]
}
