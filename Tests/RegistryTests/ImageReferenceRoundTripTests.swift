import Testing
@testable import Registry

/// Property tests over generated references: rendering then parsing is the identity, and the
/// classic mistakes made on top of a valid reference are always caught with the right fix.
struct ImageReferenceRoundTripTests {
    static let seeds: [UInt64] = [1, 42, 2024, 0xDEAD_BEEF]
    static let perSeed = 1_000

    static func generated(seed: UInt64) -> [ImageReference] {
        var generator = ReferenceGenerator(rng: SplitMix64(state: seed))
        return (0..<perSeed).map { _ in generator.reference() }
    }

    @Test("parse(render(x)) == x", arguments: seeds)
    func roundTrip(seed: UInt64) throws {
        for reference in Self.generated(seed: seed) {
            let parsed = try ImageReference(parsing: reference.description)
            #expect(parsed == reference, "\(reference.description)")
            #expect(try ImageReference(parsing: reference.familiarString) == reference, "\(reference.familiarString)")
        }
    }

    @Test("the generator reaches every kind of registry", arguments: seeds)
    func generatorCoverage(seed: UInt64) {
        let references = Self.generated(seed: seed)
        #expect(references.contains { $0.isDockerHub })
        #expect(references.contains { $0.registry.hasPrefix("[") })
        #expect(references.contains { $0.registry.hasPrefix("localhost") })
        #expect(references.contains { $0.tag != nil && $0.digest != nil })
        #expect(references.contains { $0.tag == nil })
        #expect(references.contains { ($0.tag?.count ?? 0) == 128 })
    }

    @Test("a scheme in front of a valid reference is caught and the fix is the reference", arguments: seeds)
    func schemeIsCaught(seed: UInt64) throws {
        for reference in Self.generated(seed: seed).prefix(250) {
            for scheme in ["https://", "http://", "docker://"] {
                let error = try #require(throws: ImageReferenceError.self) {
                    try ImageReference(parsing: scheme + reference.description)
                }
                #expect(error.reason == .schemeInReference)
                #expect(error.suggestion == reference.description)
            }
        }
    }

    @Test("surrounding whitespace is caught and the fix is the trimmed reference", arguments: seeds)
    func whitespaceIsCaught(seed: UInt64) throws {
        for reference in Self.generated(seed: seed).prefix(250) {
            let error = try #require(throws: ImageReferenceError.self) {
                try ImageReference(parsing: " \(reference.description)\n")
            }
            #expect(error.reason == .whitespace)
            #expect(error.suggestion == reference.description)
        }
    }

    @Test("upper case in the repository is caught and the fix lower-cases it", arguments: seeds)
    func uppercaseIsCaught(seed: UInt64) throws {
        for reference in Self.generated(seed: seed).prefix(250) where reference.repository.contains(where: \.isLetter) {
            let shouted = reference.repository.uppercased()
            let text = "\(reference.registry)/\(shouted)" + (reference.tag.map { ":\($0)" } ?? "")
            let error = try #require(throws: ImageReferenceError.self) { try ImageReference(parsing: text) }
            #expect(error.reason == .uppercaseInRepository, "\(text)")
        }
    }
}
