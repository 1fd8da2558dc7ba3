#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a webhook body was rejected, with the JSON path of the field at fault.
public struct WebhookDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bounded kinds of failure, safe as metric labels.
    public enum Reason: String, Sendable, CaseIterable {
        /// The body is not JSON (or not UTF-8).
        case malformedJSON = "malformed_json"
        /// A required field is absent.
        case missingField = "missing_field"
        /// A field has the wrong JSON type.
        case wrongType = "wrong_type"
        /// A field has a value PullDoctor cannot accept.
        case invalidValue = "invalid_value"
    }

    public let reason: Reason
    /// Field path in the payload, e.g. `alerts[2].startsAt`; empty for the whole body.
    public let field: String
    /// What is wrong, for a person.
    public let problem: String

    public init(reason: Reason, field: String, problem: String) {
        self.reason = reason
        self.field = field
        self.problem = problem
    }

    public var description: String { field.isEmpty ? problem : "\(field): \(problem)" }

    static func missing(_ path: [any CodingKey]) -> WebhookDecodingError {
        WebhookDecodingError(reason: .missingField, field: render(path), problem: "required field is missing")
    }

    static func invalid(_ path: [any CodingKey], _ problem: String) -> WebhookDecodingError {
        WebhookDecodingError(reason: .invalidValue, field: render(path), problem: problem)
    }

    /// Renders a coding path the way a person reads JSON: `alerts[2].labels.pod`.
    static func render(_ path: [any CodingKey]) -> String { FieldPath.render(path) }
}
