import Foundation

/// Parses the name part of a reference (`[domain/]path`, tag and digest already split off) and
/// applies Docker's normalisation (distribution/reference `splitDockerDomain`).
struct NameParser {
    /// A parsed, normalised name.
    struct Name {
        var registry: String
        var repository: String
        var notes: [ImageReference.Note]
    }

    let parser: ReferenceParser
    let tag: Substring?
    let digest: Substring?

    private var input: String { parser.input }

    func parse(_ name: Substring) throws(ImageReferenceError) -> Name {
        guard !name.isEmpty else {
            throw .make(.missingRepository, input: input, problem: "there is no image name before the tag or digest",
                        fix: "write the repository first, e.g. myregistry.io/app@sha256:<64 hex>")
        }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let first = components[0]
        if components.count == 1 {
            try checkSecondColon(in: first)
            try checkPath(components[...], domain: nil)
            var notes: [ImageReference.Note] = [.registryDefaulted, .libraryPrefixAdded]
            if first.contains(".") || first == "localhost" { notes.append(.nameLooksLikeRegistry) }
            return Name(registry: RegistryHost.dockerHub, repository: "library/\(first)", notes: notes)
        }

        // The first component is a registry only if it looks like a host: "." or ":" or
        // "localhost", or upper case (Docker Hub namespaces are lower-case).
        let hasUppercase = first.contains { $0.isUppercase }
        let looksLikeHost = first.contains(".") || first.contains(":") || first == "localhost"
        guard looksLikeHost || hasUppercase else {
            try checkPath(components[...], domain: nil)
            return Name(registry: RegistryHost.dockerHub, repository: String(name), notes: [.registryDefaulted])
        }
        try checkDomain(first)
        let path = components.dropFirst()
        if path.count == 1 && path.first!.isEmpty {
            throw .make(.missingRepository, input: input, problem: "the registry \(first) is followed by no repository",
                        fix: "add the repository path, e.g. \(first)/team/app:v1")
        }
        try checkPath(path, domain: first)

        var notes: [ImageReference.Note] = []
        if !looksLikeHost { notes.append(.uppercaseHostWithoutDot) }
        var registry = String(first)
        if registry == "index.docker.io" {
            registry = RegistryHost.dockerHub
            notes.append(.legacyHubDomain)
        }
        var repository = path.joined(separator: "/")
        if registry == RegistryHost.dockerHub && path.count == 1 {
            repository = "library/\(repository)"
            notes.append(.libraryPrefixAdded)
        }
        return Name(registry: registry, repository: repository, notes: notes)
    }

    /// A single-component name still holding a ':' means two ':' were written: either a registry
    /// with a port but no repository (`myreg.io:5000:v1`) or two tags (`nginx:1.25:alpine`).
    private func checkSecondColon(in component: Substring) throws(ImageReferenceError) {
        guard let colon = component.firstIndex(of: ":") else { return }
        let before = component[..<colon]
        if before.contains(".") || before == "localhost" {
            throw .make(.missingRepository, input: input,
                        problem: "\(component) looks like a registry and port, but no repository follows it",
                        fix: "add the repository path, e.g. \(component)/team/app\(tagSuffix)")
        }
        throw .make(.invalidTag, input: input, problem: "the reference has more than one ':' tag separator",
                    fix: "keep one tag", suggestion: parser.suggestion(String(component)))
    }

    private var tagSuffix: String { tag.map { ":\($0)" } ?? "" }

    private func checkDomain(_ domain: Substring) throws(ImageReferenceError) {
        var host = domain
        var port: Substring?
        if domain.hasPrefix("[") {
            guard let close = domain.firstIndex(of: "]") else {
                throw invalidDomain(domain, "the IPv6 address has no closing ']'")
            }
            host = domain[domain.index(after: domain.startIndex)..<close]
            guard ReferenceGrammar.isIPv6Literal(host) else {
                throw invalidDomain(domain, "[\(host)] is not an IPv6 address (zones and IPv4-mapped forms are not allowed)")
            }
            let after = domain[domain.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw invalidDomain(domain, "unexpected '\(after)' after the IPv6 address") }
                port = after.dropFirst()
            }
        } else if let colon = domain.firstIndex(of: ":") {
            host = domain[..<colon]
            port = domain[domain.index(after: colon)...]
        }
        if !domain.hasPrefix("[") {
            if host.isEmpty { throw invalidDomain(domain, "the registry has a port but no host name") }
            for label in host.split(separator: ".", omittingEmptySubsequences: false)
            where !ReferenceGrammar.isDomainComponent(label) {
                let detail = label.isEmpty
                    ? "the host name \(host) has an empty label"
                    : "'\(label)' is not a valid host name label (letters, digits and inner '-' only)"
                throw invalidDomain(domain, detail)
            }
        }
        // Messages show the host as written, brackets included.
        let shownHost = domain.hasPrefix("[") ? domain[...(domain.firstIndex(of: "]") ?? domain.startIndex)] : host
        if let port { try checkPort(port, host: shownHost, domain: domain) }
    }

    private func checkPort(_ port: Substring, host: Substring, domain: Substring) throws(ImageReferenceError) {
        let rest = input.dropFirst(domain.count)
        let problem: String
        if port.isEmpty {
            throw .make(.invalidPort, input: input, problem: "the ':' after \(host) has no port number",
                        fix: "write the port or remove the ':'", suggestion: parser.suggestion("\(host)\(rest)"))
        } else if !port.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problem = "the port '\(port)' of \(host) is not a number"
                + (host.contains(".") ? "" : " (if '\(port)' is meant as a tag: tags cannot contain '/')")
        } else if let value = Int(port), (1...65535).contains(value) {
            return
        } else {
            problem = "the port \(port) of \(host) is outside 1-65535"
        }
        throw .make(.invalidPort, input: input, problem: problem,
                    fix: "use the registry's real port, e.g. \(host):5000\(rest)")
    }

    private func invalidDomain(_ domain: Substring, _ detail: String) -> ImageReferenceError {
        .make(.invalidDomain, input: input, problem: "the registry \(domain) is not valid: \(detail)",
              fix: "write the registry as host[:port], e.g. myregistry.io:5000")
    }

    private func checkPath(_ path: ArraySlice<Substring>, domain: Substring?) throws(ImageReferenceError) {
        let prefix = domain.map { "\($0)/" } ?? ""
        let suffix = tagSuffix + (digest.map { "@\($0)" } ?? "")
        for component in path {
            switch ReferenceGrammar.pathProblem(component) {
            case nil:
                continue
            case .empty:
                let cleaned = path.filter { !$0.isEmpty }.joined(separator: "/")
                throw .make(.emptyPathComponent, input: input,
                            problem: "the repository path has an empty component (a doubled, leading or trailing '/')",
                            fix: "remove the extra '/'", suggestion: parser.suggestion(prefix + cleaned + suffix))
            case .uppercase:
                let lowered = path.joined(separator: "/").lowercased()
                throw .make(.uppercaseInRepository, input: input,
                            problem: "the repository path \(path.joined(separator: "/")) has upper-case letters",
                            fix: "repository paths are lower-case", suggestion: parser.suggestion(prefix + lowered + suffix))
            case .character(":"):
                throw .make(.invalidTag, input: input, problem: "the reference has more than one ':' tag separator",
                            fix: "keep one tag, e.g. \(prefix)\(path.joined(separator: "/"))")
            case .character(let bad):
                throw .make(.invalidCharacter, input: input,
                            problem: "'\(bad)' is not allowed in the repository path \(path.joined(separator: "/"))",
                            fix: "use lower-case letters, digits, '.', '_', '__' or '-' between them, and '/'")
            case .structure:
                throw .make(.invalidPathComponent, input: input,
                            problem: "the path component '\(component)' must start and end with a letter or digit and "
                                + "separate words with one '.', one or two '_', or '-'",
                            fix: "rename it, e.g. my-app or my_app")
            }
        }
    }
}
