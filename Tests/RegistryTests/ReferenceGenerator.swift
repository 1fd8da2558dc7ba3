import Foundation
@testable import Registry

/// A small deterministic PRNG (SplitMix64), so generated cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates valid, already-normalised references covering every grammar branch: Docker Hub,
/// dotted domains, localhost, IPv4, bracketed IPv6, dot-less hosts with a port or upper case,
/// every path separator, tags up to 128 characters, and sha256/384/512 digests.
struct ReferenceGenerator {
    var rng: SplitMix64

    private static let lower = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    private static let mixed = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let word = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    private static let hex = Array("0123456789abcdef")
    private static let separators = [".", "_", "__", "-", "--", "---"]

    mutating func reference() -> ImageReference {
        let (registry, hub) = registry()
        var repository = (0..<int(1...4)).map { _ in pathComponent() }.joined(separator: "/")
        if hub && !repository.contains("/") { repository = "library/" + repository }
        var tag: String? = chance(70) ? tagValue() : nil
        let digest: String? = chance(35) ? digestValue() : nil
        if tag == nil && digest == nil { tag = "latest" }
        return ImageReference(registry: registry, repository: repository, tag: tag, digest: digest)
    }

    private mutating func registry() -> (String, Bool) {
        switch int(0...6) {
        case 0:
            return (RegistryHost.dockerHub, true)
        case 1:
            var host = (0..<int(2...4)).map { _ in domainLabel() }.joined(separator: ".")
            if ["docker.io", "index.docker.io"].contains(host.lowercased()) { host = "x" + host }
            return (host + optionalPort(), false)
        case 2:
            return ("localhost" + optionalPort(), false)
        case 3:
            return ((0..<4).map { _ in String(int(0...255)) }.joined(separator: ".") + optionalPort(), false)
        case 4:
            // Without "::" at least two groups are needed: a bracketed host with no ':' is not
            // recognised as a registry at all (distribution checks for '.' or ':').
            let groups = (0..<int(2...8)).map { _ in String((0..<int(1...4)).map { _ in pick(Self.hex) }) }
            let address = chance(50) ? groups.joined(separator: ":") : "::" + groups.prefix(3).joined(separator: ":")
            return ("[\(address)]" + optionalPort(), false)
        case 5:
            return (alnumRun(Self.lower, 1...8) + ":" + String(int(1...65535)), false)
        default:
            // A dot-less host is a registry only when it has upper case.
            return ("R" + alnumRun(Self.mixed, 0...6), false)
        }
    }

    private mutating func domainLabel() -> String {
        guard chance(30) else { return alnumRun(Self.mixed, 1...8) }
        return alnumRun(Self.mixed, 1...4) + String(repeating: "-", count: int(1...2)) + alnumRun(Self.mixed, 1...4)
    }

    private mutating func optionalPort() -> String { chance(40) ? ":" + String(int(1...65535)) : "" }

    private mutating func pathComponent() -> String {
        var text = alnumRun(Self.lower, 1...6)
        for _ in 0..<int(0...2) { text += pick(Self.separators) + alnumRun(Self.lower, 1...5) }
        return text
    }

    private mutating func tagValue() -> String {
        let length = chance(5) ? 127 : int(0...20)
        let rest = (0..<length).map { _ in chance(85) ? pick(Self.word) : pick(Array(".-")) }
        return String(pick(Self.word)) + String(rest)
    }

    private mutating func digestValue() -> String {
        let (algorithm, length) = pick([("sha256", 64), ("sha384", 96), ("sha512", 128)])
        return algorithm + ":" + String((0..<length).map { _ in pick(Self.hex) })
    }

    private mutating func alnumRun(_ alphabet: [Character], _ length: ClosedRange<Int>) -> String {
        String((0..<int(length)).map { _ in pick(alphabet) })
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
