import Config
import Foundation
import Testing

/// Inputs the config fuzzer found (`scripts/fuzz.sh`), kept as regressions.
@Suite("Config fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions/config")

    @Test("nested YAML aliases are refused instead of expanding exponentially")
    func aliasBomb() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("timeout-yaml-alias-expansion.yml"), encoding: .utf8)
        #expect {
            _ = try ConfigLoader(environment: [:]).load(text: text)
        } throws: { error in
            (error as? ConfigError)?.problem.contains("expands to more than") == true
        }
    }

    @Test("duplicated keys are reported by name, never with the document's text (it may hold secrets)")
    func duplicatedKeys() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("crash-4faa56fb36313e4c368693d729f4269a6fbdc8fa"))
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try ConfigLoader(environment: [:]).load(text: text)
        } catch {
            #expect(error.reason == .syntax || error.reason == .unknownField || error.reason == .invalidValue || error.reason == .wrongType)
            #expect(error.description.count < 600, "a short message, not the document")
        }
        let secret = "planted-secret-7f3a"
        let planted = "web:\n  auth:\n    bearer_token: \(secret)\nweb:\n  listen_address: 127.0.0.1:1\n"
        #expect {
            _ = try ConfigLoader(environment: [:]).load(text: planted)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.problem.contains("duplicated keys") && error.problem.contains("web") && !error.description.contains(secret)
        }
    }
}
