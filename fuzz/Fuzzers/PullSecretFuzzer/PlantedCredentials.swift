import Foundation

/// The credential strings in a docker configuration document that must never be printed: `password`,
/// `auth`, `identitytoken`, `registrytoken`, and the password inside a base64 `auth`.
///
/// Only distinctive values count (at least 10 characters with a digit and an upper-case letter, and
/// found in no key of the document): messages legitimately quote registry keys and fixed English
/// text, and a short or plain-word "password" such as `registry` would match those by chance.
struct PlantedCredentials {
    private(set) var values: Set<String> = []
    private var keys: [String] = []

    private static let secretFields: Set<String> = ["password", "auth", "identitytoken", "registrytoken"]

    init(document: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed]) else { return }
        var candidates: [String] = []
        collect(object, into: &candidates)
        values = Set(candidates.filter { candidate in
            Self.isDistinctive(candidate) && !keys.contains { $0.contains(candidate) }
        })
    }

    private mutating func collect(_ value: Any, into candidates: inout [String]) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                keys.append(key)
                if Self.secretFields.contains(key), let text = child as? String {
                    candidates.append(text)
                    if key == "auth", let decoded = Self.decodedPassword(text) { candidates.append(decoded) }
                }
                collect(child, into: &candidates)
            }
        } else if let array = value as? [Any] {
            for child in array { collect(child, into: &candidates) }
        }
    }

    private static func decodedPassword(_ auth: String) -> String? {
        guard let bytes = Data(base64Encoded: auth.filter { $0 != "\n" && $0 != "\r" }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...])
    }

    private static func isDistinctive(_ text: String) -> Bool {
        text.count >= 10 && text.contains(where: \.isNumber) && text.contains(where: \.isUppercase)
    }
}
