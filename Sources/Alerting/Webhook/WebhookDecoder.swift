#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes and validates an Alertmanager webhook body.
public struct WebhookDecoder: Sendable {
    /// Whether well-formed bodies take ``WebhookFastReader`` (the default) before `JSONDecoder`.
    public let fastPath: Bool

    /// A decoder taking the fast path where it can.
    public init() {
        self.fastPath = true
    }

    /// - Parameter fastPath: false decodes every body with `JSONDecoder` (tests and the fuzzer compare both).
    public init(fastPath: Bool) {
        self.fastPath = fastPath
    }

    /// Decodes `body`. Every failure is a ``WebhookDecodingError`` naming the field path.
    public func decode(_ body: some Collection<UInt8>) throws(WebhookDecodingError) -> WebhookPayload {
        if fastPath, let payload = WebhookFastReader.read(body) { return payload }
        do {
            return try JSONDecoder().decode(WebhookPayload.self, from: Data(body))
        } catch let error as WebhookDecodingError {
            throw error
        } catch let error as DecodingError {
            throw Self.translate(error)
        } catch {
            throw WebhookDecodingError(reason: .malformedJSON, field: "", problem: "the body could not be read as JSON")
        }
    }

    /// Turns Foundation's decoding errors into field-path errors a person can act on.
    static func translate(_ error: DecodingError) -> WebhookDecodingError {
        switch error {
        case .typeMismatch(let type, let context):
            return WebhookDecodingError(
                reason: .wrongType, field: WebhookDecodingError.render(context.codingPath),
                problem: "expected \(jsonTypeName(type))")
        case .valueNotFound(let type, let context):
            return WebhookDecodingError(
                reason: .wrongType, field: WebhookDecodingError.render(context.codingPath),
                problem: "expected \(jsonTypeName(type)), found null")
        case .keyNotFound(let key, let context):
            return WebhookDecodingError.missing(context.codingPath + [key])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return WebhookDecodingError(reason: .malformedJSON, field: "", problem: "the body is not valid JSON")
            }
            return WebhookDecodingError(
                reason: .invalidValue, field: WebhookDecodingError.render(context.codingPath),
                problem: context.debugDescription)
        @unknown default:
            return WebhookDecodingError(reason: .malformedJSON, field: "", problem: "the body could not be decoded")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        case is [String: String].Type: return "an object of string values"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") || name.hasSuffix("Payload") || name == "Alert" { return "an object" }
            return "a different type"
        }
    }
}
