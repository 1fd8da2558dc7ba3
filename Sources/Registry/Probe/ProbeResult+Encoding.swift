import Foundation

extension ProbeResult {
    /// Encodes every key, absent values as `null`, so readers of the JSON always find the same keys
    /// (the synthesised encoder would drop them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(reason, forKey: .reason)
        try container.encode(image, forKey: .image)
        try container.encode(registry, forKey: .registry)
        try container.encode(repository, forKey: .repository)
        try container.encode(reference, forKey: .reference)
        try container.encode(endpoint, forKey: .endpoint)
        try container.encode(httpStatus, forKey: .httpStatus)
        try container.encode(errorCodes, forKey: .errorCodes)
        try container.encode(registryMessage, forKey: .registryMessage)
        try container.encode(transportError, forKey: .transportError)
        try container.encode(transportDetail, forKey: .transportDetail)
        try container.encode(digest, forKey: .digest)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(platforms, forKey: .platforms)
        try container.encode(wantedPlatform, forKey: .wantedPlatform)
        try container.encode(platformAvailable, forKey: .platformAvailable)
        try container.encode(availableTags, forKey: .availableTags)
        try container.encode(rateLimit, forKey: .rateLimit)
        try container.encode(authScheme, forKey: .authScheme)
        try container.encode(credentialsUsed, forKey: .credentialsUsed)
        try container.encode(credentialKind, forKey: .credentialKind)
        try container.encode(username, forKey: .username)
        try container.encode(steps, forKey: .steps)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(checkedAt, forKey: .checkedAt)
        try container.encode(cached, forKey: .cached)
        try container.encode(vantage, forKey: .vantage)
        try container.encode(vantageNote, forKey: .vantageNote)
    }
}
