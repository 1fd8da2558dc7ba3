import Foundation

extension ImageReference {
    /// Parses and normalises `text`, and reports what was assumed on the way
    /// (default registry, `library/`, default tag, ...).
    /// - Throws: ``ImageReferenceError`` naming what is wrong and how to fix it.
    public static func interpret(_ text: String) throws(ImageReferenceError) -> Interpretation {
        try ReferenceParser(input: text, suggestFixes: true).run()
    }
}

/// One parse of one input. Splits `name[:tag][@digest]` the way distribution/reference does
/// (digest at the first `@`, tag at the last `:` after the last `/`), then validates each part
/// so the error can name it.
struct ReferenceParser {
    let input: String
    /// Off while checking a suggested fix, so that a fix is never itself asked for a fix.
    let suggestFixes: Bool

    func run() throws(ImageReferenceError) -> ImageReference.Interpretation {
        guard !input.isEmpty else {
            throw .make(.empty, input: input, problem: "the image reference is empty",
                        fix: "set the container's image, e.g. nginx:1.25 or myregistry.io/team/app:v1")
        }
        try checkWhitespace()
        try checkScheme()
        if ReferenceGrammar.isIdentifier(input) {
            throw .make(.identifierOnly, input: input,
                        problem: "a bare 64-hex image ID cannot be pulled",
                        fix: "name the repository and pin the digest, e.g. myregistry.io/app@sha256:\(input)")
        }

        var rest = Substring(input)
        var digest: Substring?
        if let at = rest.firstIndex(of: "@") {
            digest = rest[rest.index(after: at)...]
            rest = rest[..<at]
        }
        var tag: Substring?
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = rest[rest.index(after: colon)...]
            rest = rest[..<colon]
        }

        var name = try NameParser(parser: self, tag: tag, digest: digest).parse(rest)
        if let tag { try check(tag: tag, name: rest, digest: digest) }
        if let digest { try check(digest: digest, beforeAt: input[..<input.firstIndex(of: "@")!]) }

        let fullName = "\(name.registry)/\(name.repository)"
        if fullName.count > ReferenceGrammar.nameTotalLengthMax {
            throw .make(.tooLong, input: input,
                        problem: "registry/repository is \(fullName.count) characters long",
                        fix: "shorten it to at most \(ReferenceGrammar.nameTotalLengthMax) characters")
        }
        if tag == nil && digest == nil { name.notes.append(.tagDefaulted) }
        if tag != nil && digest != nil { name.notes.append(.tagIgnoredForDigest) }
        let reference = ImageReference(
            registry: name.registry, repository: name.repository,
            tag: tag.map(String.init) ?? (digest == nil ? "latest" : nil),
            digest: digest.map(String.init))
        return .init(input: input, reference: reference, notes: name.notes)
    }

    /// A corrected reference, kept only when it parses.
    func suggestion(_ candidate: String?) -> String? {
        guard suggestFixes, let candidate, candidate != input else { return nil }
        // A fix that only parses because the whole name is read as a Docker Hub image
        // ("https://myregistry.io/" → "myregistry.io") would mislead: offer none.
        guard let fixed = try? ReferenceParser(input: candidate, suggestFixes: false).run(),
              !fixed.notes.contains(.nameLooksLikeRegistry) else { return nil }
        return candidate
    }

    private func checkWhitespace() throws(ImageReferenceError) {
        let isBlank: (Character) -> Bool = { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        guard let index = input.firstIndex(where: isBlank) else { return }
        let offset = input.distance(from: input.startIndex, to: index)
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        let what = input[index] == " " ? "a space" : (input[index].isNewline ? "a line break" : "a tab or control character")
        throw .make(.whitespace, input: input,
                    problem: "the reference contains \(what) at position \(offset + 1)",
                    fix: "remove the whitespace (a pasted command or a YAML block scalar often adds it)",
                    suggestion: suggestion(trimmed.contains(where: isBlank) ? nil : trimmed))
    }

    private func checkScheme() throws(ImageReferenceError) {
        guard let range = input.range(of: "://") else { return }
        let scheme = input[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCIIAlnum || "+.-".contains($0) }) else { return }
        var remainder = String(input[range.upperBound...])
        while remainder.hasSuffix("/") { remainder.removeLast() }
        throw .make(.schemeInReference, input: input,
                    problem: "image references never contain \(scheme)://",
                    fix: "remove the scheme", suggestion: suggestion(remainder))
    }

    private func check(tag: Substring, name: Substring, digest: Substring?) throws(ImageReferenceError) {
        let digestPart = digest.map { "@\($0)" } ?? ""
        if tag.isEmpty {
            throw .make(.emptyTag, input: input, problem: "the ':' after \(name) has no tag after it",
                        fix: "write the tag after ':' or remove the ':'",
                        suggestion: suggestion("\(name)\(digestPart)"))
        }
        if let problem = ReferenceGrammar.tagProblem(tag) {
            throw .make(.invalidTag, input: input, problem: problem,
                        fix: "use a tag like v1.2.3 or 1.25-alpine")
        }
    }

    private func check(digest: Substring, beforeAt: Substring) throws(ImageReferenceError) {
        if digest.isEmpty {
            throw .make(.invalidDigest, input: input, problem: "nothing follows '@'",
                        fix: "write the digest as sha256:<64 hex> or remove the '@'",
                        suggestion: suggestion(String(beforeAt)))
        }
        if digest.contains("@") {
            throw .make(.invalidDigest, input: input, problem: "the reference has more than one '@'",
                        fix: "keep a single @sha256:<64 hex> at the end")
        }
        switch ReferenceGrammar.digestProblem(digest) {
        case nil:
            return
        case .malformed(let problem):
            let lower = "\(beforeAt)@\(digest.lowercased())"
            throw .make(.invalidDigest, input: input, problem: problem,
                        fix: "copy the full digest, e.g. from `crane digest` or `skopeo inspect`",
                        suggestion: suggestion(lower))
        case .unsupported(let algorithm):
            throw .make(.unsupportedDigestAlgorithm, input: input,
                        problem: "the digest algorithm \(algorithm) is not one runtimes verify",
                        fix: "pin a sha256 digest (sha384 and sha512 are also accepted)")
        }
    }
}
