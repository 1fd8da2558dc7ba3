import Foundation

extension PullSecretKey {
    /// How a key relates to an image, in the order the kubelet checks it
    /// (kubernetes pkg/credentialprovider/keyring.go, `URLsMatch`): same number of host labels,
    /// each label matching its glob; the same port (none equals none); the key's path a string
    /// prefix of the image's path.
    enum Verdict: Equatable {
        case match
        case hostMismatch
        case portMismatch
        case pathMismatch
    }

    /// The kubelet's verdict for `image`. Host labels compare case-sensitively, as Go's
    /// `filepath.Match` does.
    func verdict(for image: ImageReference) -> Verdict {
        let imageHost = image.host
        let patterns = host.hostname.split(separator: ".", omittingEmptySubsequences: false)
        let labels = imageHost.hostname.split(separator: ".", omittingEmptySubsequences: false)
        guard patterns.count == labels.count,
              zip(patterns, labels).allSatisfy({ Self.glob(Array($0), matches: Array($1)) })
        else { return .hostMismatch }
        return portAndPathVerdict(for: image)
    }

    /// The verdict under the Docker Hub alias rule: any Hub spelling stands for `docker.io`, and the
    /// API paths `/v1` and `/v2` (even without a trailing slash) stand for the whole registry.
    /// The kubelet itself knows only `docker.io` and `index.docker.io` (see ``PullSecretCandidate``).
    func dockerHubAliasVerdict(for image: ImageReference) -> Verdict {
        guard image.isDockerHub, RegistryHost.dockerHubAliases.contains(host.hostname.lowercased()) else {
            return .hostMismatch
        }
        if isDockerHub { return .match }
        return portAndPathVerdict(for: image)
    }

    private func portAndPathVerdict(for image: ImageReference) -> Verdict {
        guard (host.port ?? "") == (image.host.port ?? "") else { return .portMismatch }
        // A string prefix, not a component prefix: the kubelet lets "myreg.io/team" cover
        // "myreg.io/teamwork/app" too.
        guard "/\(image.repository)".hasPrefix(path) else { return .pathMismatch }
        return .match
    }

    /// Go `filepath.Match` for one host label: `*` matches any run of characters, `?` exactly one
    /// (character classes are not supported; host names never need them).
    static func glob(_ pattern: [Character], matches text: [Character]) -> Bool {
        // reachable[j]: the pattern so far can consume exactly text[..<j].
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for symbol in pattern {
            var next = [Bool](repeating: false, count: text.count + 1)
            for j in 0...text.count where reachable[j] {
                switch symbol {
                case "*":
                    for k in j...text.count { next[k] = true }
                case "?":
                    if j < text.count { next[j + 1] = true }
                default:
                    if j < text.count, text[j] == symbol { next[j + 1] = true }
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }
}
