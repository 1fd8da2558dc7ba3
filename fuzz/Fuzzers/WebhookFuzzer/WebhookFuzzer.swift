import Alerting
import FuzzSupport

/// libFuzzer entry point for the Alertmanager webhook decoder (`POST /webhook` bodies).
///
/// Any body must end in a payload or a ``WebhookDecodingError``, never a trap. Properties checked:
/// decoding is deterministic (the intake stores the bytes and may decode them again after a restart),
/// the fast reader agrees with `JSONDecoder` on every body it accepts, and an error always names a
/// problem a person can read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebhookDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let decoder = WebhookDecoder()
    do {
        let payload = try decoder.decode(input.bytes)
        let again = try? decoder.decode(input.bytes)
        FuzzProperty.require(again == payload, "a second decode of the same bytes gave a different payload")
        // Differential: the fast path must answer exactly as JSONDecoder does, or not at all.
        let slow = try? WebhookDecoder(fastPath: false).decode(input.bytes)
        FuzzProperty.require(slow == payload, "the fast reader and JSONDecoder disagree on this body")
        for alert in payload.alerts {
            // Touch what the intake reads, so lazily computed values are exercised too.
            _ = alert.labels.count + alert.annotations.count
            if let endsAt = alert.endsAt {
                FuzzProperty.require(endsAt.timeIntervalSince1970.isFinite, "endsAt is not a finite date")
            }
            FuzzProperty.require(alert.startsAt.timeIntervalSince1970.isFinite, "startsAt is not a finite date")
        }
    } catch {
        FuzzProperty.require(!error.problem.isEmpty, "a decoding error without a problem text: \(error.reason)")
        _ = error.description
    }
    return 0
}

/// Runs libFuzzer on fuzzWebhookDecoder(_:_:); see FuzzDriver for why the fuzzer owns `main`.
@main
enum WebhookFuzzerMain {
    static func main() {
        FuzzDriver.run(fuzzWebhookDecoder)
    }
}
