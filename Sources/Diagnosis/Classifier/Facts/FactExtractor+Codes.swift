extension FactExtractor {
    // MARK: HTTP status and registry error code

    /// The first HTTP status printed after one of the runtimes' status phrases. Docker's own API
    /// statuses (`API error (500)`, `(HTTP code 500)`) are the daemon's, not the registry's, and are
    /// not read.
    func httpStatus(_ phrases: FactPhrases) -> Int? {
        var best: (at: Int, status: Int)?
        for phrase in phrases.statusPhrases {
            guard let found = message.firstIndex(of: phrase), found < (best?.at ?? Int.max) else { continue }
            let after = found + phrase.count
            if let status = threeDigits(at: after) ?? statusAfterColon(from: after) {
                best = (found, status)
            }
        }
        return best?.status
    }

    private func statusAfterColon(from start: Int) -> Int? {
        guard let colon = index(of: UInt8(ascii: ":"), from: start, limit: 4096) else { return nil }
        var offset = colon
        // Skip URL colons (`https:`, `host:5000`): the status follows a colon and a space.
        while offset + 1 < message.count, message.lower[offset + 1] != 0x20 {
            guard let next = index(of: UInt8(ascii: ":"), from: offset + 1, limit: 4096) else { return nil }
            offset = next
        }
        return threeDigits(at: offset + 2)
    }

    /// A status code (100-599) of exactly three digits at `offset`.
    func threeDigits(at offset: Int) -> Int? {
        guard offset >= 0, offset + 3 <= message.count else { return nil }
        var value = 0
        for index in offset..<(offset + 3) {
            let byte = message.lower[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        if let next = message.lowerByte(at: offset + 3), next >= 0x30, next <= 0x39 { return nil }
        return (100...599).contains(value) ? value : nil
    }

    /// The registry error code that appears first.
    func registryErrorCode(_ phrases: FactPhrases) -> RegistryErrorCode? {
        var best: (at: Int, code: RegistryErrorCode)?
        for (phrase, code) in phrases.errorCodes {
            if let found = message.firstIndex(of: phrase), found < (best?.at ?? Int.max) { best = (found, code) }
        }
        if best == nil {
            if message.hasPrefix(phrases.unauthorizedAtStart) || message.hasSuffix(phrases.unauthorizedAtEnd) {
                return .unauthorized
            }
            if message.hasPrefix(phrases.deniedAtStart) || message.hasSuffix(phrases.deniedAtEnd) { return .denied }
        }
        return best?.code
    }

    // MARK: Network

    /// The remote side of `dial tcp ADDR:` or `read tcp LOCAL->REMOTE:`.
    func remoteAddress(_ phrases: FactPhrases) -> String? {
        if let start = end(of: phrases.dialTCP) {
            return addressToken(start..<firstStop(from: start, stoppingAtColonSpace: true))
        }
        for phrase in phrases.socketOperations {
            guard let start = end(of: phrase) else { continue }
            let stop = firstStop(from: start, stoppingAtColonSpace: true)
            var offset = start
            while offset + 1 < stop {
                if message.lower[offset] == UInt8(ascii: "-"), message.lower[offset + 1] == UInt8(ascii: ">") {
                    return addressToken((offset + 2)..<stop)
                }
                offset += 1
            }
        }
        return nil
    }

    private func addressToken(_ range: Range<Int>) -> String? {
        var token = message.string(range)
        if token.hasSuffix(":") { token.removeLast() }
        return token.isEmpty || token.count > 100 ? nil : token
    }

    /// The name in `lookup NAME on RESOLVER:` or `lookup NAME: ...`.
    func lookupHost(_ phrases: FactPhrases) -> String? {
        guard let start = end(of: phrases.lookup) else { return nil }
        var stop = start
        while stop < message.count, message.lower[stop] != 0x20, message.lower[stop] != UInt8(ascii: ":") { stop += 1 }
        return stop > start && stop - start <= 255 ? message.string(start..<stop) : nil
    }

    /// Seconds from `Retry-After: N` / `retry after N`.
    func retryAfter(_ phrases: FactPhrases) -> Int? {
        for phrase in phrases.retryAfter {
            guard var offset = end(of: phrase) else { continue }
            var value = 0
            var digits = 0
            while offset < message.count, digits < 9, let byte = message.lowerByte(at: offset), byte >= 0x30, byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                offset += 1
            }
            if digits > 0 { return value }
        }
        return nil
    }

    // MARK: Kubelet and credentials

    /// The first kubelet reason written as a word followed by `:`, a quote or the end.
    func kubeletReason(_ phrases: FactPhrases) -> KubeletReason? {
        var best: (at: Int, reason: KubeletReason)?
        for (phrase, reason) in phrases.kubeletReasons {
            var from = 0
            while let found = message.firstIndex(of: phrase, from: from), found < (best?.at ?? Int.max) {
                from = found + 1
                let before = message.lowerByte(at: found - 1)
                let after = message.lowerByte(at: found + phrase.count)
                let startsWord = before == nil || before == 0x20 || before == UInt8(ascii: "\"")
                let endsWord = after == nil || after == UInt8(ascii: ":") || after == UInt8(ascii: "\"")
                if startsWord, endsWord {
                    best = (found, reason)
                    break
                }
            }
        }
        return best?.reason
    }

    /// containerd asks for an "oauth token" only when it has a secret; the kubelet lists several
    /// errors only when it tried several credentials.
    func credentialsSent(_ phrases: FactPhrases) -> Bool? {
        if message.contains(phrases.oauthToken) || message.listsSeveralAttempts { return true }
        if message.contains(phrases.anonymousToken) || message.contains(phrases.noBasicAuthCredentials) { return false }
        return nil
    }
}
