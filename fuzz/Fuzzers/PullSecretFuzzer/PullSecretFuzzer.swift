import Foundation
import FuzzSupport
import Registry

/// libFuzzer entry point for the pull-secret parser (`kubernetes.io/dockerconfigjson` and
/// `kubernetes.io/dockercfg` Secrets read from the cluster).
///
/// The first byte picks the entry point (see ``PullSecretFuzzMode``); the rest is the document.
/// Any input must parse or throw a ``PullSecretError``. Property checked: no credential from the
/// document shows in anything printable that comes out of the parser (the secret, its entries,
/// its problems, the error, or a `dump` of them), since all of those reach logs and pages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPullSecret(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (selector, rest) = FuzzInput(data, size).split(modes: PullSecretFuzzMode.allCases.count)
    let mode = PullSecretFuzzMode.allCases[selector]
    let document = Data(rest)
    var printed = ""
    do {
        let secret = try mode.parse(document)
        dump(secret, to: &printed)
        printed += secret.description
        for entry in secret.entries {
            printed += entry.description + String(reflecting: entry.credentials)
            FuzzProperty.require(entry.secretName == secret.name, "an entry names another secret")
        }
        for problem in secret.problems {
            FuzzProperty.require(!problem.isFatal, "a fatal problem was kept instead of thrown: \(problem.reason)")
            printed += problem.description
        }
    } catch {
        FuzzProperty.require(!error.message.isEmpty, "an error without a message: \(error.reason)")
        printed += error.description
        dump(error, to: &printed)
    }
    let typeLine = mode.typeLine(document)
    for credential in PlantedCredentials(document: mode.plainDocument(document)).values
    where printed.contains(credential) && !typeLine.contains(credential) {
        FuzzProperty.require(false, "a credential of \(credential.utf8.count) bytes appears in printed output")
    }
    return 0
}

/// Runs libFuzzer on fuzzPullSecret(_:_:); see FuzzDriver for why the fuzzer owns `main`.
@main
enum PullSecretFuzzerMain {
    static func main() {
        FuzzDriver.run(fuzzPullSecret)
    }
}
