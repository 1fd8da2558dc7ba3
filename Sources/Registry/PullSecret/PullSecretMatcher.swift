import Foundation

/// Finds the pull-secret entries the kubelet would use for an image, like its credential keyring
/// (kubernetes pkg/credentialprovider/keyring.go, `BasicDockerKeyring.Lookup`), and explains a miss.
///
/// Rules, in the kubelet's order:
/// 1. every key whose host labels match (globs allowed: `*.example.com`), whose port equals the
///    image's, and whose path prefixes the repository applies; more specific keys first (the
///    kubelet sorts keys in reverse);
/// 2. for a Docker Hub image, only when nothing matched, the key `index.docker.io`
///    (`https://index.docker.io/v1/`) applies;
/// 3. beyond the kubelet: other Docker Hub spellings (`registry-1.docker.io`, ...) are the same
///    registry, so they are listed last with ``PullSecretCandidate/kubeletUsesIt`` false.
public struct PullSecretMatcher: Sendable {
    /// The usable secrets, in the pod's order.
    public let secrets: [PullSecret]
    /// Secrets that could not be used (wrong type, malformed), reported with a mismatch.
    public let ignored: [PullSecretError]

    /// A matcher over parsed secrets; `ignored` lists the ones that failed to parse.
    public init(secrets: [PullSecret], ignored: [PullSecretError] = []) {
        self.secrets = secrets
        self.ignored = ignored
    }

    /// A matcher over parse outcomes, in the pod's order.
    public init(outcomes: [Result<PullSecret, PullSecretError>]) {
        var secrets: [PullSecret] = []
        var ignored: [PullSecretError] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let secret): secrets.append(secret)
            case .failure(let error): ignored.append(error)
            }
        }
        self.init(secrets: secrets, ignored: ignored)
    }

    /// The entries that apply to `image`, or why none does.
    public func match(_ image: ImageReference) -> PullSecretMatch {
        let entries = secrets.flatMap(\.entries)
        // Stable sort: equal keys keep the pod's secret order, as the kubelet appends them.
        let generic = entries.enumerated()
            .filter { $0.element.key.verdict(for: image) == .match }
            .sorted { ($0.element.key.normalized, $1.offset) > ($1.element.key.normalized, $0.offset) }
            .map(\.element)
        var candidates = generic.map { PullSecretCandidate(entry: $0, kind: Self.kind(of: $0.key), kubeletUsesIt: true) }
        if image.isDockerHub {
            let fallbackKey = "index.docker.io"
            if generic.isEmpty {
                candidates += entries.filter { $0.key.normalized == fallbackKey }
                    .map { PullSecretCandidate(entry: $0, kind: .dockerHubDefault, kubeletUsesIt: true) }
            }
            let taken = Set(candidates.map(\.entry))
            candidates += entries.filter { !taken.contains($0) && $0.key.dockerHubAliasVerdict(for: image) == .match }
                .map { PullSecretCandidate(entry: $0, kind: .dockerHubAlias, kubeletUsesIt: false) }
        }
        if !candidates.isEmpty { return .matched(candidates) }
        return .unmatched(mismatch(for: image, entries: entries))
    }

    private static func kind(of key: PullSecretKey) -> PullSecretCandidate.Kind {
        if key.isWildcard { return .wildcard }
        return key.path.isEmpty ? .host : .pathPrefix
    }

    private func mismatch(for image: ImageReference, entries: [PullSecretEntry]) -> PullSecretMismatch {
        let available = Array(Set(entries.map(\.key.raw))).sorted()
        let reason: PullSecretMismatch.Reason
        var closest: [String] = []
        if entries.isEmpty {
            if secrets.isEmpty && ignored.isEmpty {
                reason = .noSecrets
            } else if secrets.isEmpty && ignored.contains(where: { $0.reason == .wrongSecretType }) {
                reason = .wrongSecretType
            } else if secrets.isEmpty {
                reason = .malformedSecret
            } else {
                reason = .noEntries
            }
        } else {
            // The nearest miss explains best: a path miss means host and port were right.
            let verdicts = entries.map { entry in
                let hub = entry.key.dockerHubAliasVerdict(for: image)
                return (entry.key.raw, hub == .hostMismatch ? entry.key.verdict(for: image) : hub)
            }
            let paths = verdicts.filter { $0.1 == .pathMismatch }.map(\.0)
            let ports = verdicts.filter { $0.1 == .portMismatch }.map(\.0)
            if !paths.isEmpty {
                (reason, closest) = (.pathMismatch, paths)
            } else if !ports.isEmpty {
                (reason, closest) = (.portMismatch, ports)
            } else {
                reason = .wrongRegistry
            }
        }
        return PullSecretMismatch(reason: reason, image: image, availableKeys: available,
                                  closestKeys: Array(Set(closest)).sorted(), ignoredSecrets: ignored)
    }
}
