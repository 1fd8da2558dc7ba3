@testable import Registry
import Testing

@Suite struct ImagePlatformTests {
    @Test(arguments: [
        ("linux/arm64/v8", "linux/arm64/v8"), ("linux/amd64", "linux/amd64"), (" linux / arm ", "linux/arm"),
    ])
    func parses(text: String, expected: String) {
        #expect(ImagePlatform(parsing: text)?.description == expected)
    }

    @Test(arguments: ["", "linux", "linux/", "/amd64", "a/b/c/d"])
    func rejects(text: String) {
        #expect(ImagePlatform(parsing: text) == nil)
    }

    /// (node, image, runs?) after containerd's normalisation.
    @Test(arguments: [
        ("linux/arm64/v8", "linux/arm64", true),
        ("linux/arm64", "linux/arm64/v8", true),
        ("linux/aarch64", "linux/arm64", true),
        ("linux/x86_64", "linux/amd64", true),
        ("linux/amd64", "linux/arm64", false),
        ("linux/arm64", "linux/amd64", false),
        ("linux/arm/v7", "linux/arm/v6", true),
        ("linux/arm/v6", "linux/arm/v7", false),
        ("linux/arm", "linux/arm/v7", true),
        ("linux/amd64/v3", "linux/amd64/v2", true),
        ("linux/amd64", "linux/amd64/v3", false),
        ("windows/amd64", "linux/amd64", false),
        ("Linux/AMD64", "linux/amd64", true),
    ])
    func compatibility(node: String, image: String, runs: Bool) throws {
        let wanted = try #require(ImagePlatform(parsing: node))
        let candidate = try #require(ImagePlatform(parsing: image))
        #expect(wanted.canRun(candidate) == runs)
    }

    @Test func attestationPlaceholdersAreNotPlatforms() {
        #expect(ImagePlatform(os: "unknown", architecture: "unknown").isPlaceholder)
        #expect(!ImagePlatform(os: "linux", architecture: "amd64").isPlaceholder)
    }
}
