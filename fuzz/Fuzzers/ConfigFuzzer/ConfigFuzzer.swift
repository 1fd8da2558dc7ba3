import Config
import FuzzSupport

/// The environment `${VAR}` expands from: fixed, so a run is reproducible, and holding the variable
/// the seed configurations use so that expansion succeeds as well as fails.
private let environment = [
    "PULLDOCTOR_TEST_TOKEN": "fuzz-token",
    "EMPTY": "",
    "NESTED": "${PULLDOCTOR_TEST_TOKEN}",
]

/// libFuzzer entry point for the configuration loader (`--config.file`, `POST /-/reload`, SIGHUP).
///
/// Any text must load or throw a ``ConfigError`` (a reload with a broken file must leave the service
/// running on its old configuration, never trap it). Properties checked: loading is deterministic,
/// and every error carries a problem text a person can act on.
///
/// `*_file` keys read files relative to the working directory: scripts/fuzz.sh runs this fuzzer from
/// an empty folder so a mutated path rarely names a real file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let loader = ConfigLoader(environment: environment)
    let first: Result<PullDoctorConfig, ConfigError>
    do {
        first = .success(try loader.load(text: text))
    } catch {
        FuzzProperty.require(!error.problem.isEmpty, "a configuration error without a problem: \(error.reason)")
        _ = error.description
        first = .failure(error)
    }
    let second: Result<PullDoctorConfig, ConfigError>
    do {
        second = .success(try loader.load(text: text))
    } catch {
        second = .failure(error)
    }
    FuzzProperty.require(first == second, "loading the same text twice gave different results:\n  first:  "
                            + describe(first) + "\n  second: " + describe(second))
    return 0
}

/// One line per outcome, bounded, for the property message.
private func describe(_ result: Result<PullDoctorConfig, ConfigError>) -> String {
    switch result {
    case .success(let config): return String("loaded \(config)".prefix(2000))
    case .failure(let error): return String("\(error.reason) at line \(error.line.map(String.init) ?? "-"): \(error)".prefix(2000))
    }
}

/// Runs libFuzzer on fuzzConfigLoader(_:_:); see FuzzDriver for why the fuzzer owns `main`.
@main
enum ConfigFuzzerMain {
    static func main() {
        FuzzDriver.run(fuzzConfigLoader)
    }
}
