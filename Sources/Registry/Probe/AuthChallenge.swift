import Foundation

/// One challenge of a `WWW-Authenticate` header: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"`.
///
/// Parsed per RFC 9110 §11.6.1: a header may hold several challenges separated by commas, parameter
/// names are case-insensitive, values are tokens or quoted strings with `\` escapes, and a `token68`
/// may follow the scheme. Registries differ in spacing and quoting, so nothing here assumes either.
public struct AuthChallenge: Sendable, Hashable, CustomStringConvertible {
    /// The scheme, lower case (`bearer`, `basic`).
    public let scheme: String
    /// Parameters by lower-case name.
    public let parameters: [String: String]

    /// A challenge from its parts; the scheme and names are lower-cased.
    public init(scheme: String, parameters: [String: String]) {
        self.scheme = scheme.lowercased()
        self.parameters = Dictionary(parameters.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The token endpoint (Bearer) or the realm's name (Basic).
    public var realm: String? { parameters["realm"] }
    /// The `service` to name when asking the token endpoint.
    public var service: String? { parameters["service"] }
    /// The scope the registry asks for, when it says (`repository:library/nginx:pull`).
    public var scope: String? { parameters["scope"] }
    /// The error a Bearer challenge reports (`invalid_token`, `insufficient_scope`).
    public var error: String? { parameters["error"] }

    /// `bearer realm=... service=...`: never a credential (challenges carry none).
    public var description: String {
        let params = parameters.keys.sorted().map { "\($0)=\"\(parameters[$0] ?? "")\"" }
        return ([scheme] + params).joined(separator: " ")
    }

    /// Every challenge of every `WWW-Authenticate` header in `headers`, in order.
    public static func parse(headers: [(name: String, value: String)]) -> [AuthChallenge] {
        headers.filter { $0.name.lowercased() == "www-authenticate" }.flatMap { parse($0.value) }
    }

    /// Every challenge in one header value, in order. Malformed trailing parts are dropped.
    public static func parse(_ header: String) -> [AuthChallenge] {
        var scanner = ChallengeScanner(Array(header.unicodeScalars))
        var challenges: [AuthChallenge] = []
        var pendingScheme = scanner.nextToken()
        while let scheme = pendingScheme {
            pendingScheme = nil
            var parameters: [String: String] = [:]
            scanner.skipSpaces()
            if scanner.isToken68Ahead() {
                _ = scanner.token68()
            }
            while true {
                scanner.skipSpacesAndCommas()
                let mark = scanner.position
                guard let name = scanner.nextToken() else { break }
                scanner.skipSpaces()
                guard scanner.consume("=") else {
                    // A token without "=" starts the next challenge.
                    scanner.position = mark
                    pendingScheme = scanner.nextToken()
                    break
                }
                scanner.skipSpaces()
                let value = scanner.quotedString() ?? scanner.bareValue()
                if parameters[name.lowercased()] == nil { parameters[name.lowercased()] = value }
            }
            challenges.append(AuthChallenge(scheme: scheme, parameters: parameters))
            if pendingScheme == nil {
                scanner.skipSpacesAndCommas()
                pendingScheme = scanner.nextToken()
            }
        }
        return challenges
    }
}

/// A cursor over a header value, with the RFC 9110 token rules.
private struct ChallengeScanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)

    private static func isTokenCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || tokenSymbols.contains(c)
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { position += 1 }
    }

    mutating func skipSpacesAndCommas() {
        while let c = current, c == " " || c == "\t" || c == "," { position += 1 }
    }

    mutating func consume(_ c: Unicode.Scalar) -> Bool {
        guard current == c else { return false }
        position += 1
        return true
    }

    mutating func nextToken() -> String? {
        let start = position
        while let c = current, Self.isTokenCharacter(c) { position += 1 }
        guard position > start else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    /// An unquoted value, read leniently up to the next comma or space: the grammar says token, but
    /// some servers send bare URLs (`realm=https://...`).
    mutating func bareValue() -> String {
        let start = position
        while let c = current, c != ",", c != " ", c != "\t" { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    /// A quoted string with its escapes undone; `nil` (position unchanged) when none starts here.
    /// An unterminated string runs to the end of the header.
    mutating func quotedString() -> String? {
        guard current == "\"" else { return nil }
        position += 1
        var text = String.UnicodeScalarView()
        while let c = current {
            position += 1
            if c == "\"" { break }
            if c == "\\", let escaped = current {
                position += 1
                text.append(escaped)
            } else {
                text.append(c)
            }
        }
        return String(text)
    }

    /// Whether a token68 (`abc==`) follows: token characters plus `/`, optional `=` padding, then the
    /// end or a comma. An auth-param (`name=value`) always has a value after its `=`, so it never ends there.
    func isToken68Ahead() -> Bool {
        var index = position
        while index < scalars.count, Self.isTokenCharacter(scalars[index]) || scalars[index] == "/" { index += 1 }
        guard index > position else { return false }
        while index < scalars.count, scalars[index] == "=" { index += 1 }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index == scalars.count || scalars[index] == ","
    }

    mutating func token68() -> String {
        let start = position
        while let c = current, Self.isTokenCharacter(c) || c == "/" || c == "=" { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }
}
