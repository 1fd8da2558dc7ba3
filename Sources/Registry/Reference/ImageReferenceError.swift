import Foundation

/// Why a string is not a valid image reference.
///
/// `reason` is bounded (safe for metric labels and JSON); `message` is for people: it names the
/// offending part and suggests the fix. `suggestion`, when present, is a corrected reference that
/// does parse.
public struct ImageReferenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bounded cause.
    public enum Reason: String, Sendable, CaseIterable, Hashable {
        /// The reference is the empty string.
        case empty
        /// The reference contains spaces, tabs or line breaks (often a pasted `docker pull ...`).
        case whitespace
        /// The reference starts with a URL scheme (`https://`, `http://`, `docker://`).
        case schemeInReference = "scheme_in_reference"
        /// The reference is a bare 64-hex image ID, which cannot be pulled by name.
        case identifierOnly = "identifier_only"
        /// A character that no part of a reference allows (`!`, `#`, `%`, ...).
        case invalidCharacter = "invalid_character"
        /// The repository path contains upper-case letters.
        case uppercaseInRepository = "uppercase_in_repository"
        /// The registry host is not a valid host name, IPv4 or bracketed IPv6 address.
        case invalidDomain = "invalid_domain"
        /// The registry port is empty, not a number, or outside 1...65535.
        case invalidPort = "invalid_port"
        /// A registry is named but no repository path follows it.
        case missingRepository = "missing_repository"
        /// The path has an empty component (`a//b`, a leading or trailing `/`).
        case emptyPathComponent = "empty_path_component"
        /// A path component breaks the separator rules (`a..b`, `-a`, `a___b`).
        case invalidPathComponent = "invalid_path_component"
        /// A `:` with nothing after it.
        case emptyTag = "empty_tag"
        /// The tag has a forbidden character, starts with `.` or `-`, is longer than 128, or is repeated.
        case invalidTag = "invalid_tag"
        /// The digest is not `algorithm:hex` with the right length of lower-case hex.
        case invalidDigest = "invalid_digest"
        /// The digest algorithm is well-formed but not one runtimes verify (sha256, sha384, sha512).
        case unsupportedDigestAlgorithm = "unsupported_digest_algorithm"
        /// `registry/repository` is longer than 255 characters.
        case tooLong = "too_long"
    }

    /// The bounded cause.
    public let reason: Reason
    /// The reference as given.
    public let input: String
    /// What is wrong and how to fix it, for people.
    public let message: String
    /// A corrected reference that parses, when one can be derived from the input.
    public let suggestion: String?

    init(_ reason: Reason, input: String, message: String, suggestion: String? = nil) {
        self.reason = reason
        self.input = input
        self.message = message
        self.suggestion = suggestion
    }

    /// `invalid image reference "x" (reason): message`.
    public var description: String {
        "invalid image reference \"\(Self.printable(input))\" (\(reason.rawValue)): \(message)"
    }

    /// The input with control characters made visible, so that a pasted newline shows in logs.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension ImageReferenceError {
    /// Builds the error for `reason`; `suggestion` must already be known to parse.
    static func make(
        _ reason: Reason, input: String, problem: String, fix: String, suggestion: String? = nil
    ) -> ImageReferenceError {
        let message = suggestion.map { "\(problem); \(fix); use \($0)" } ?? "\(problem); \(fix)"
        return ImageReferenceError(reason, input: input, message: message, suggestion: suggestion)
    }
}
