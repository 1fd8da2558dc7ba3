import Foundation

/// The error document of the registry API: `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":...}]}`
/// (OCI distribution-spec, "Error Codes"; the same shape in distribution/distribution's `errcode`).
///
/// distribution 2.8.2 answers a missing tag with
/// `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]}`
/// and a missing repository's tag list with `NAME_UNKNOWN` / "repository name not known to registry"
/// (both seen from Debian's docker-registry 2.8.2+ds1 on this machine).
struct RegistryErrorBody: Sendable, Hashable {
    /// One entry of `errors`.
    struct Entry: Decodable, Sendable, Hashable {
        /// The code, upper case (`MANIFEST_UNKNOWN`); empty when the registry sent none.
        var code: String
        /// The registry's message, for people.
        var message: String?

        enum CodingKeys: String, CodingKey { case code, message }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = (try? container.decodeIfPresent(String.self, forKey: .code))?.uppercased() ?? ""
            message = try? container.decodeIfPresent(String.self, forKey: .message)
        }
    }

    private struct Document: Decodable {
        var errors: [Entry]?
    }

    /// The entries, in order.
    let entries: [Entry]

    /// Reads `body`; `nil` when it is not such a document (HTML error pages, plain text, nothing).
    init?(body: [UInt8]) {
        guard !body.isEmpty,
              let document = try? JSONDecoder().decode(Document.self, from: Data(body)),
              let errors = document.errors, !errors.isEmpty else { return nil }
        entries = errors
    }

    /// The non-empty codes, in order.
    var codes: [String] { entries.map(\.code).filter { !$0.isEmpty } }

    /// The first message, shortened to 300 characters: registry messages are for people, but a body
    /// can be anything.
    var firstMessage: String? {
        guard let message = entries.lazy.compactMap(\.message).first(where: { !$0.isEmpty }) else { return nil }
        return message.count > 300 ? String(message.prefix(300)) + "…" : message
    }

    /// Whether `code` is among the codes.
    func contains(_ code: Code) -> Bool { codes.contains(code.rawValue) }

    /// The codes the probe acts on (OCI distribution-spec error codes, plus Docker Hub's `TOOMANYREQUESTS`).
    enum Code: String {
        case manifestUnknown = "MANIFEST_UNKNOWN"
        case nameUnknown = "NAME_UNKNOWN"
        case nameInvalid = "NAME_INVALID"
        case tagInvalid = "TAG_INVALID"
        case manifestInvalid = "MANIFEST_INVALID"
        case blobUnknown = "BLOB_UNKNOWN"
        case unauthorized = "UNAUTHORIZED"
        case denied = "DENIED"
        case unsupported = "UNSUPPORTED"
        case tooManyRequests = "TOOMANYREQUESTS"
    }
}
