import Foundation
import Registry

/// Which of the parser's public entry points one fuzz input drives (chosen by its first byte).
enum PullSecretFuzzMode: CaseIterable {
    /// `PullSecret(name:type:config:)` with `kubernetes.io/dockerconfigjson`.
    case dockerConfigJSON
    /// `PullSecret(name:type:config:)` with the legacy `kubernetes.io/dockercfg`.
    case dockercfg
    /// `PullSecret(name:type:data:)`: the document is the base64 text the API serves.
    case base64Data
    /// `PullSecret(name:type:decodedData:)`: the first line is the Secret's `type`, the rest its data
    /// under both keys, so wrong and missing types are reached too.
    case typedDecodedData

    /// The Secret name used in every message; short and fixed so it cannot look like a credential.
    static let secretName = "fuzz"

    func parse(_ document: Data) throws(PullSecretError) -> PullSecret {
        switch self {
        case .dockerConfigJSON:
            return try PullSecret(name: Self.secretName, type: .dockerConfigJSON, config: document)
        case .dockercfg:
            return try PullSecret(name: Self.secretName, type: .dockercfg, config: document)
        case .base64Data:
            return try PullSecret(name: Self.secretName, type: PullSecretType.dockerConfigJSON.rawValue,
                                  data: [".dockerconfigjson": String(decoding: document, as: UTF8.self)])
        case .typedDecodedData:
            let (type, body) = Self.splitFirstLine(document)
            return try PullSecret(name: Self.secretName, type: type,
                                  decodedData: [".dockerconfigjson": body, ".dockercfg": body])
        }
    }

    /// The JSON document the parser ends up reading, to find the credentials planted in it.
    func plainDocument(_ document: Data) -> Data {
        switch self {
        case .dockerConfigJSON, .dockercfg:
            return document
        case .base64Data:
            let text = String(decoding: document, as: UTF8.self).filter { $0 != "\n" && $0 != "\r" }
            return Data(base64Encoded: text) ?? Data()
        case .typedDecodedData:
            return Self.splitFirstLine(document).body
        }
    }

    /// The secret type the input names (typed mode only): it is printed in errors by design, so a value
    /// that also appears there is not a leaked credential.
    func typeLine(_ document: Data) -> String {
        self == .typedDecodedData ? Self.splitFirstLine(document).type : ""
    }

    private static func splitFirstLine(_ document: Data) -> (type: String, body: Data) {
        guard let newline = document.firstIndex(of: UInt8(ascii: "\n")) else {
            return (String(decoding: document, as: UTF8.self), Data())
        }
        return (String(decoding: document[..<newline], as: UTF8.self), Data(document[document.index(after: newline)...]))
    }
}
