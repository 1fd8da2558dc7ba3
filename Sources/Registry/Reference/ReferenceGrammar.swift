import Foundation

/// The character-level rules of the distribution reference grammar
/// (github.com/distribution/reference, regexp.go), written as small checks instead of one
/// regular expression so that a failure can say *which* rule broke.
enum ReferenceGrammar {
    /// Longest `registry/repository` accepted (distribution's `NameTotalLengthMax`).
    static let nameTotalLengthMax = 255
    /// Longest tag accepted (`[\w][\w.-]{0,127}`).
    static let tagLengthMax = 128
    /// Hex lengths of the digest algorithms runtimes verify (opencontainers/go-digest).
    static let digestHexLengths: [String: Int] = ["sha256": 64, "sha384": 96, "sha512": 128]

    /// What is wrong with one path component.
    enum PathProblem: Equatable {
        case empty
        case uppercase
        case character(Character)
        case structure
    }

    /// What is wrong with a digest.
    enum DigestProblem: Equatable {
        case malformed(String)
        case unsupported(String)
    }

    // MARK: Registry host

    /// `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`
    static func isDomainComponent(_ text: Substring) -> Bool {
        guard let first = text.first, let last = text.last, first.isASCIIAlnum, last.isASCIIAlnum else {
            return false
        }
        return text.allSatisfy { $0.isASCIIAlnum || $0 == "-" }
    }

    /// The inside of `[...]`: compressed or full IPv6, no zone (`[a-fA-F0-9:]+`).
    static func isIPv6Literal(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == ":" || $0.isASCIIHexDigit }
    }

    // MARK: Repository path

    /// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
    static func pathProblem(_ component: Substring) -> PathProblem? {
        if component.isEmpty { return .empty }
        if component.contains(where: { $0.isASCII && $0.isUppercase }) { return .uppercase }
        if let bad = component.first(where: { !($0.isASCIILowerAlnum || $0 == "." || $0 == "_" || $0 == "-") }) {
            return .character(bad)
        }
        guard component.first!.isASCIILowerAlnum, component.last!.isASCIILowerAlnum else { return .structure }
        var separatorRun = ""
        for character in component {
            if character.isASCIILowerAlnum {
                if !separatorRun.isEmpty, !isSeparator(separatorRun) { return .structure }
                separatorRun = ""
            } else {
                separatorRun.append(character)
            }
        }
        return nil
    }

    /// One `.`, one or two `_`, or any number of `-`.
    private static func isSeparator(_ run: String) -> Bool {
        run == "." || run == "_" || run == "__" || run.allSatisfy { $0 == "-" }
    }

    // MARK: Tag

    /// `[\w][\w.-]{0,127}`; returns a description of the first broken rule.
    static func tagProblem(_ tag: Substring) -> String? {
        if let bad = tag.first(where: { !($0.isASCIIWord || $0 == "." || $0 == "-") }) {
            return "the tag contains '\(bad)'; tags allow only letters, digits, '_', '.' and '-'"
        }
        if let first = tag.first, !first.isASCIIWord {
            return "the tag starts with '\(first)'; it must start with a letter, digit or '_'"
        }
        if tag.count > tagLengthMax {
            return "the tag is \(tag.count) characters long; at most \(tagLengthMax) are allowed"
        }
        return nil
    }

    // MARK: Digest

    /// `algorithm:hex`, then the go-digest rules for the known algorithms.
    static func digestProblem(_ digest: Substring) -> DigestProblem? {
        guard let colon = digest.firstIndex(of: ":") else {
            return .malformed("the digest has no ':'; it must be algorithm:hex, e.g. sha256:<64 hex>")
        }
        let algorithm = digest[..<colon]
        let encoded = digest[digest.index(after: colon)...]
        guard isDigestAlgorithm(algorithm) else {
            return .malformed("'\(algorithm)' is not a digest algorithm name")
        }
        if let length = digestHexLengths[String(algorithm)] {
            guard encoded.allSatisfy({ $0.isASCIIHexDigit }) else {
                return .malformed("the \(algorithm) digest contains characters that are not hex")
            }
            guard encoded.count == length else {
                return .malformed("a \(algorithm) digest has \(length) hex characters, this one has \(encoded.count)")
            }
            guard !encoded.contains(where: { $0.isUppercase }) else {
                return .malformed("the \(algorithm) digest has upper-case hex; digests are lower-case")
            }
            return nil
        }
        // Unknown algorithms must still match the grammar (at least 128 bits of hex) to count as
        // "unsupported" rather than malformed, as distribution/reference checks the shape first.
        guard encoded.count >= 32, encoded.allSatisfy({ $0.isASCIIHexDigit }) else {
            return .malformed("the digest value must be at least 32 hex characters")
        }
        return .unsupported(String(algorithm))
    }

    /// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*`
    private static func isDigestAlgorithm(_ text: Substring) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "-_+.".contains($0) })
        return parts.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter else { return false }
            return part.allSatisfy(\.isASCIIAlnum)
        }
    }

    /// A 64-character lower-case hex string: an image ID, which distribution refuses as a name.
    static func isIdentifier(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isASCIIHexDigit && !$0.isUppercase }
    }
}

extension Character {
    var isASCIIAlnum: Bool { isASCII && (isLetter || isNumber) }
    var isASCIILowerAlnum: Bool { isASCII && (isLowercase || isNumber) }
    var isASCIIHexDigit: Bool { isASCII && isHexDigit }
    /// Go's `\w`: ASCII letters, digits and underscore.
    var isASCIIWord: Bool { isASCIIAlnum || self == "_" }
}
