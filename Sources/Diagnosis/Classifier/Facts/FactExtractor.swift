/// Reads ``MessageFacts`` out of a ``NormalizedMessage``, once per message.
///
/// Plain phrase search plus short forward scans; every scan is bounded by the message length
/// (itself capped), so the cost stays linear whatever the input.
struct FactExtractor {
    let message: NormalizedMessage

    private static let phrases = FactPhrases()

    func extract() -> MessageFacts {
        let phrases = Self.phrases
        var facts = MessageFacts()
        facts.grpcCode = message.grpcCode
        let images = imageCandidates(phrases)
        facts.image = images.first
        // The pod's reference may be a short name or a reporter's placeholder; a later quote (the
        // runtime's normalised reference) names the host explicitly.
        facts.registryHost = images.lazy.compactMap(Self.explicitRegistryHost(ofImage:)).first
            ?? images.first.flatMap(Self.registryHost(ofImage:))

        let endpoint = lastRegistryURL(phrases)
        facts.endpointHost = endpoint?.host
        facts.mirrorHost = endpoint?.mirrored == true ? endpoint?.host : nil
        if let host = pullingFromHost(phrases) {
            facts.endpointHost = facts.endpointHost ?? host
            if let registry = facts.registryHost, !Self.sameRegistry(registry, host) { facts.mirrorHost = host }
        }
        if let host = pingedHost(phrases) { facts.endpointHost = facts.endpointHost ?? host }
        if facts.registryHost == nil, let endpoint, endpoint.kind == .manifest || endpoint.kind == .ping {
            facts.registryHost = endpoint.host
        }
        if facts.registryHost == nil, let host = pingedHost(phrases) ?? pullingFromHost(phrases) {
            facts.registryHost = host
        }
        facts.registry = family(facts, phrases)
        facts.requestKind = requestKind(endpoint?.kind, phrases)
        facts.httpStatus = httpStatus(phrases)
        facts.registryErrorCode = registryErrorCode(phrases)
        facts.remoteAddress = remoteAddress(phrases)
        facts.lookupHost = lookupHost(phrases)
        facts.retryAfterSeconds = retryAfter(phrases)
        facts.kubeletReason = kubeletReason(phrases)
        facts.credentialsSent = credentialsSent(phrases)
        return facts
    }

    // MARK: Image and registry

    /// The quoted references in order (at most four), or else one from the unquoted wordings.
    /// One pass over the quotes: an opening quote counts when an anchor phrase ends with it.
    private func imageCandidates(_ phrases: FactPhrases) -> [String] {
        var found: [String] = []
        var offset = 0
        let quote = UInt8(ascii: "\"")
        message.lower.withUnsafeBufferPointer { text in
            while found.count < 4, let open = Self.index(of: quote, in: text, from: offset) {
                offset = open + 1
                let opens = phrases.quotedImageAnchors.contains { anchor in
                    let start = open + 1 - anchor.count
                    return start >= 0 && anchor.bytes.withUnsafeBufferPointer { NormalizedMessage.matches(text, at: start, $0) }
                }
                guard opens, let close = Self.index(of: quote, in: text, from: open + 1), close - open <= 1025 else { continue }
                if let value = validReference((open + 1)..<close) {
                    found.append(value)
                    offset = close + 1
                }
            }
        }
        if !found.isEmpty { return found }
        return unquotedImage(phrases).map { [$0] } ?? []
    }

    private static func index(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var offset = start
        while offset < text.count {
            if text[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }

    private func unquotedImage(_ phrases: FactPhrases) -> String? {
        if let start = end(of: phrases.dockerTransport) {
            let stop = firstStop(from: start, stoppingAtColonSpace: true)
            if let value = validReference(start..<stop) { return value }
        }
        if let start = end(of: phrases.manifestFor), let value = validReference(start..<firstStop(from: start)) {
            return value
        }
        if let start = end(of: phrases.pullAccessDeniedFor) {
            var stop = firstStop(from: start)
            if stop > start, message.bytes[stop - 1] == UInt8(ascii: ",") { stop -= 1 }
            if let value = validReference(start..<stop) { return value }
        }
        if let start = end(of: phrases.readingManifest) {
            let tagEnd = firstStop(from: start)
            if let inAt = message.firstIndex(of: phrases.inWord, from: tagEnd), inAt == tagEnd {
                let repoStart = inAt + phrases.inWord.count
                let repoEnd = firstStop(from: repoStart, stoppingAtColonSpace: true)
                if let tag = validReference(start..<tagEnd), let repository = validReference(repoStart..<repoEnd) {
                    return repository + (tag.hasPrefix("sha256:") ? "@" : ":") + tag
                }
            }
        }
        return nil
    }

    /// A quoted or delimited reference: non-empty, no spaces, not absurdly long.
    private func validReference(_ range: Range<Int>) -> String? {
        guard !range.isEmpty, range.count <= 1024 else { return nil }
        for offset in range where message.bytes[offset] == 0x20 || message.bytes[offset] == UInt8(ascii: "\"") {
            return nil
        }
        return message.string(range)
    }

    /// The host when the reference names one explicitly (`host/path`), else nil.
    static func explicitRegistryHost(ofImage image: String) -> String? {
        guard let host = registryHost(ofImage: image), host != "docker.io" || image.utf8.starts(with: "docker.io/".utf8)
        else { return nil }
        return host
    }

    /// Docker's rule: the first path component is a host when it has a `.` or `:` or is `localhost`.
    static func registryHost(ofImage image: String) -> String? {
        var bytes = Array(image.utf8)
        if bytes.contains(UInt8(ascii: "*")) { return nil }
        if let separator = firstSchemeSeparator(bytes) { bytes.removeFirst(separator + 3) }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return bytes.isEmpty ? nil : "docker.io" }
        let first = bytes[..<slash]
        if first.isEmpty { return nil }
        if first.contains(UInt8(ascii: ".")) || first.contains(UInt8(ascii: ":")) || first.elementsEqual("localhost".utf8)
            || first.first == UInt8(ascii: "[") {
            return String(decoding: first, as: UTF8.self)
        }
        return "docker.io"
    }

    /// The offset of `://` when the reference starts with a letters-only scheme.
    private static func firstSchemeSeparator(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count, index < 10 {
            let byte = bytes[index] | 0x20
            if byte < UInt8(ascii: "a") || byte > UInt8(ascii: "z") { break }
            index += 1
        }
        guard index > 0, index + 3 <= bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
              bytes[index + 2] == UInt8(ascii: "/") else { return nil }
        return index
    }

    static func sameRegistry(_ registry: String, _ host: String) -> Bool {
        if registry.lowercased() == host.lowercased() { return true }
        return RegistryFamily(host: registry) == .dockerHub && RegistryFamily(host: host) == .dockerHub
    }

    private func family(_ facts: MessageFacts, _ phrases: FactPhrases) -> RegistryFamily {
        var family = facts.registryHost.map { RegistryFamily(host: $0) } ?? .unknown
        if family == .unknown, let endpoint = facts.endpointHost { family = RegistryFamily(host: endpoint) }
        if family == .unknown || family == .other {
            for (phrase, named) in phrases.familyPhrases where message.contains(phrase) { return named }
        }
        return family
    }

    // MARK: Endpoints

    struct Endpoint {
        var host: String
        var kind: RequestKind?
        var mirrored: Bool
    }

    /// The last URL that is a registry request (documentation links such as Docker's
    /// increase-rate-limit page or `aka.ms` are skipped): nested Go errors print the innermost,
    /// failing request last.
    private func lastRegistryURL(_ phrases: FactPhrases) -> Endpoint? {
        var found: (host: Range<Int>, path: Range<Int>)?
        var from = 0
        var seen = 0
        while seen < 32, let start = message.firstIndex(of: phrases.schemeSeparator, from: from) {
            seen += 1
            from = start + phrases.schemeSeparator.count
            guard endsWithHTTPScheme(at: start) else { continue }
            var hostEnd = from
            while hostEnd < message.count, !Self.endsHost(message.lower[hostEnd]) { hostEnd += 1 }
            var host = from..<hostEnd
            if host.count > 1, message.lower[hostEnd - 1] == UInt8(ascii: ":") { host = from..<(hostEnd - 1) }
            guard !host.isEmpty, host.count <= 255, !isDocumentationHost(host, phrases) else { continue }
            found = (host, hostEnd..<firstStop(from: hostEnd, stoppingAtColonSpace: true))
        }
        guard let found else { return nil }
        let path = found.path
        return Endpoint(host: message.string(found.host), kind: kind(path: path, host: found.host, phrases),
                        mirrored: message.occurs(phrases.mirrorNamespace, in: path)
                            || message.occurs(phrases.mirrorNamespaceLater, in: path))
    }

    private func isDocumentationHost(_ host: Range<Int>, _ phrases: FactPhrases) -> Bool {
        phrases.documentationHosts.contains { message.occurs($0, in: host) && $0.count == host.count }
    }

    /// What a registry URL asks for, from its path (and the host for token services).
    private func kind(path: Range<Int>, host: Range<Int>, _ phrases: FactPhrases) -> RequestKind? {
        if message.occurs(phrases.manifestsPath, in: path) { return .manifest }
        if phrases.blobPaths.contains(where: { message.occurs($0, in: path) }) { return .blob }
        if phrases.tokenPaths.contains(where: { message.occurs($0, in: path) })
            || message.matches(phrases.authPathStart, at: path.lowerBound, within: path)
            || phrases.tokenHostPrefixes.contains(where: { message.matches($0, at: host.lowerBound, within: host) }) {
            return .token
        }
        if phrases.pingPaths.contains(where: { $0.count == path.count && message.matches($0, at: path.lowerBound, within: path) })
            || message.matches(phrases.v1Ping, at: path.lowerBound, within: path) {
            return .ping
        }
        return nil
    }

    /// Whether `http` or `https` ends right before `offset`.
    private func endsWithHTTPScheme(at offset: Int) -> Bool {
        var start = offset - 1
        if message.lowerByte(at: start) == UInt8(ascii: "s") { start -= 1 }
        guard start >= 3 else { return false }
        return message.lower[start - 3] == UInt8(ascii: "h") && message.lower[start - 2] == UInt8(ascii: "t")
            && message.lower[start - 1] == UInt8(ascii: "t") && message.lower[start] == UInt8(ascii: "p")
    }

    private static func endsHost(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: "?"), UInt8(ascii: "#"),
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "\\"), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    private func pullingFromHost(_ phrases: FactPhrases) -> String? {
        guard let start = end(of: phrases.pullingFromHost) else { return nil }
        return hostToken(start..<firstStop(from: start))
    }

    private func pingedHost(_ phrases: FactPhrases) -> String? {
        for phrase in phrases.pingingRegistry {
            guard let start = end(of: phrase) else { continue }
            if let host = hostToken(start..<firstStop(from: start)), host != "returned" { return host }
        }
        return nil
    }

    private func hostToken(_ range: Range<Int>) -> String? {
        guard !range.isEmpty, range.count <= 255 else { return nil }
        var host = message.string(range)
        if host.hasSuffix(":") { host.removeLast() }
        return host.isEmpty ? nil : host
    }

    private func requestKind(_ urlKind: RequestKind?, _ phrases: FactPhrases) -> RequestKind? {
        if message.containsAny(phrases.tokenStep) { return .token }
        if let urlKind { return urlKind }
        if message.containsAny(phrases.manifestStep) { return .manifest }
        if message.containsAny(phrases.blobStep) { return .blob }
        if message.containsAny(phrases.pingStep) { return .ping }
        return nil
    }

    // MARK: Scanning helpers

    /// The offset just past the first occurrence of `phrase`.
    func end(of phrase: Phrase) -> Int? {
        message.firstIndex(of: phrase).map { $0 + phrase.count }
    }

    func index(of byte: UInt8, from start: Int, limit: Int) -> Int? {
        var offset = start
        let last = min(message.count, start + limit)
        while offset < last {
            if message.lower[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }

    /// The end of a token: a space, a quote, or (optionally) a colon followed by a space or the end.
    func firstStop(from start: Int, stoppingAtColonSpace: Bool = false) -> Int {
        var offset = start
        let bytes = message.lower
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x20 || byte == UInt8(ascii: "\"") { break }
            if stoppingAtColonSpace, byte == UInt8(ascii: ":"), offset + 1 == bytes.count || bytes[offset + 1] == 0x20 {
                break
            }
            offset += 1
        }
        return offset
    }
}
