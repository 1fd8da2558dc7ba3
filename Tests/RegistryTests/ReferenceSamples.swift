import Foundation

/// Digests and long names shared by the reference tables.
enum ReferenceSamples {
    static let sha256Hex = "2d4e459f4ecb5329407ae3e47cbc107a2fbace221354ca75960af4c047b3cb13"
    static let sha256 = "sha256:\(sha256Hex)"
    static let sha384 = "sha384:" + String(repeating: "0123456789abcdef", count: 6)
    static let sha512 = "sha512:" + String(repeating: "89abcdef01234567", count: 8)
    /// A path component that makes `docker.io/library/<it>` exactly 255 characters.
    static let longestOfficialName = String(repeating: "a", count: 255 - "docker.io/library/".count)
    static let tag128 = "v" + String(repeating: "1", count: 127)
}
