import Foundation

/// The opaque `continue` token of a paginated list: where the next page starts.
///
/// Shaped like the API server's (base64 of `{"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}`), though
/// clients must treat it as opaque: the next page starts after the storage key `start` names.
struct ContinueToken: Equatable {
    /// The resourceVersion of the list the token came from.
    var resourceVersion: Int
    /// The storage key (`namespace/name`) of the last object returned.
    var lastKey: String

    /// The token's text.
    var encoded: String {
        let body: JSONValue = .object(JSONObject([
            ("v", "meta.k8s.io/v1"), ("rv", .int(resourceVersion)), ("start", .string(lastKey + "\u{0}")),
        ]))
        return Data(JSONWriter.bytes(body)).base64EncodedString()
    }

    /// A token made by `encoded`.
    init(resourceVersion: Int, lastKey: String) {
        self.resourceVersion = resourceVersion
        self.lastKey = lastKey
    }

    /// Decodes a token; `nil` for anything kubesim did not issue.
    init?(decoding text: String) {
        guard let data = Data(base64Encoded: text) ?? Data(base64Encoded: Self.padded(text)),
            let body = try? JSONDecoder().decode(JSONValue.self, from: data),
            body["v"] == "meta.k8s.io/v1", let resourceVersion = body["rv"]?.intValue,
            let start = body["start"]?.stringValue, start.hasSuffix("\u{0}")
        else { return nil }
        self.resourceVersion = resourceVersion
        self.lastKey = String(start.dropLast())
    }

    private static func padded(_ text: String) -> String {
        let standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
    }
}
