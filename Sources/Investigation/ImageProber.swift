import Registry

/// The registry probe as the investigation uses it; `RegistryProbe` is the real one.
public protocol ImageProber: Sendable {
    func probe(_ request: ProbeRequest) async -> ProbeResult
}

extension RegistryProbe: ImageProber {}
