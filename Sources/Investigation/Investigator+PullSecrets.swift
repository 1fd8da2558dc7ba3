import Diagnosis
import Foundation
import Kube
import Registry

extension Investigator {
    /// Reads the pod's and its ServiceAccount's pull secrets, matches them to the image's registry the way
    /// the kubelet does, then probes the registry with the credentials the kubelet would send.
    func readSecretsAndProbe(pod: Pod, serviceAccount: String, image: String, into builder: CaseFileBuilder) async {
        let ns = pod.metadata.namespace ?? ""
        var names: [(String, PullSecretFacts.Origin)] = (pod.spec?.imagePullSecrets ?? []).compactMap { ref in
            ref.name.map { ($0, .pod) }
        }
        do {
            let account = try await reader.get(ServiceAccount.self, serviceAccount, in: ns)
            await builder.update { $0.serviceAccountLookup = .found }
            for ref in account.imagePullSecrets ?? [] {
                if let name = ref.name, !names.contains(where: { $0.0 == name }) { names.append((name, .serviceAccount)) }
            }
        } catch {
            await builder.update { $0.serviceAccountLookup = Lookup(error) }
            await builder.uncheck("ServiceAccount \(ns)/\(serviceAccount)", error)
        }
        let reference = try? ImageReference(parsing: image)
        var facts: [PullSecretFacts] = []
        var parsed: [PullSecret] = []
        for (name, origin) in names {
            do {
                let secret = try await reader.get(KubeSecret.self, name, in: ns)
                let type = secret.effectiveType
                guard type == KubeSecret.dockerConfigJSONType || type == KubeSecret.dockerCfgType else {
                    facts.append(PullSecretFacts(name: name, origin: origin, state: .wrongType(type)))
                    continue
                }
                let data = (secret.data ?? [:]).mapValues(\.value)
                do {
                    let pullSecret = try PullSecret(name: name, type: type, data: data)
                    parsed.append(pullSecret)
                    facts.append(PullSecretFacts(name: name, origin: origin, state: .usable(Self.summary(pullSecret, reference))))
                } catch {
                    facts.append(PullSecretFacts(name: name, origin: origin, state: .malformed(error.message)))
                }
            } catch {
                switch error.reason {
                case .notFound: facts.append(PullSecretFacts(name: name, origin: origin, state: .missing))
                case .forbidden:
                    facts.append(PullSecretFacts(name: name, origin: origin, state: .forbidden(hint: error.message)))
                    await builder.uncheck("secret \(ns)/\(name)", error)
                default:
                    facts.append(PullSecretFacts(name: name, origin: origin, state: .failed(error.message)))
                    await builder.uncheck("secret \(ns)/\(name)", error)
                }
            }
        }
        let secrets = facts
        await builder.update { $0.pullSecrets = secrets }

        guard let prober else {
            await builder.update { $0.unchecked.append(Unchecked(what: "registry probe", why: "turned off (diagnosis.probe.enabled: false, or --no-probe)")) }
            return
        }
        guard let reference else { return }
        let credentials = PullSecretMatcher(secrets: parsed).match(reference).used?.entry.credentials
        let nodeName = pod.spec?.nodeName
        var platform: ImagePlatform?
        if let nodeName, let node = try? await reader.get(Node.self, nodeName, in: nil), let arch = node.architecture {
            platform = ImagePlatform(os: node.status?.nodeInfo?.operatingSystem ?? "linux", architecture: arch)
        }
        let result = await prober.probe(ProbeRequest(image: image, platform: platform, credentials: credentials))
        await builder.update { $0.probe = result }
    }

    static func summary(_ secret: PullSecret, _ reference: ImageReference?) -> PullSecretMatchSummary {
        let hosts = secret.keys
        guard let reference else { return PullSecretMatchSummary(matchedKey: nil, hosts: hosts) }
        let match = PullSecretMatcher(secrets: [secret]).match(reference)
        if let used = match.used {
            return PullSecretMatchSummary(matchedKey: used.entry.key.raw, maskedUsername: used.entry.credentials.maskedUsername, hosts: hosts)
        }
        return PullSecretMatchSummary(matchedKey: nil, hosts: hosts, mismatch: match.mismatch?.message)
    }
}
