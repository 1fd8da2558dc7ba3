/// One function per category: the fix an operator would write by hand, with real names.
extension RemediationWriter {
    func imageNotFound(_ reason: Reason) -> [RemediationStep] {
        let check = RemediationStep(title: "List what the registry has for \(repository)", commands: [
            "skopeo list-tags docker://\(repository)",
        ])
        let what = reason == .repositoryNotFound ? "Fix the repository name, or push the image" : "Point \(workload) at a tag that exists, or push the missing one"
        return [check, RemediationStep(title: what, commands: [
            setImage("\(repository):<existing-tag>"),
            "docker push \(image)  # if the image was never pushed",
        ])]
    }

    func registryAuth(_ reason: Reason) -> [RemediationStep] {
        switch reason {
        case .pullSecretMissing:
            return [RemediationStep(title: "Create the missing pull secret \(secretName) in \(ns)", commands: [createSecret, restart])]
        case .pullSecretMalformed:
            let bad = s.file.pullSecrets.first { if case .usable = $0.state { return false } else { return true } }?.name ?? secretName
            return [RemediationStep(title: "Recreate \(bad) as a kubernetes.io/dockerconfigjson secret", commands: [
                "kubectl -n \(ns) get secret \(bad) -o jsonpath='{.type}'",
                "kubectl -n \(ns) delete secret \(bad)",
                createSecret.replacingOccurrences(of: " \(secretName) ", with: " \(bad) "),
                restart,
            ])]
        case .pullSecretWrongRegistry:
            return [RemediationStep(title: "Add credentials for \(registry) (the existing secrets are for other registries)", commands: [
                createSecret, attachSecret, restart,
            ])]
        case .credentialsRejected, .tokenExpired, .forbidden:
            let name = s.matchingSecret?.0.name ?? secretName
            return [
                RemediationStep(title: "Check the credentials against \(registry) by hand", commands: [
                    "skopeo login \(registry) --username <username>",
                    "skopeo inspect docker://\(image)",
                ]),
                RemediationStep(title: "Replace the credentials in \(name)", commands: [
                    "kubectl -n \(ns) create secret docker-registry \(name) --docker-server=\(registry) --docker-username=<username> --docker-password=<new-password> --dry-run=client -o yaml | kubectl apply -f -",
                    restart,
                ]),
            ]
        default:
            return [RemediationStep(title: "Give \(ns) credentials for \(registry)", commands: [createSecret, attachSecret, restart])]
        }
    }

    func authOrNotFound() -> [RemediationStep] {
        [
            RemediationStep(title: "Check whether \(image) exists (the registry will not say without credentials)", commands: [
                "skopeo inspect docker://\(image)",
                "skopeo inspect --creds <username>:<password> docker://\(image)",
            ]),
            RemediationStep(title: "If the image is private, give \(ns) credentials for \(registry)", commands: [createSecret, attachSecret, restart]),
            RemediationStep(title: "If the name is wrong, fix it", commands: [setImage("<registry>/<repository>:<tag>")]),
        ]
    }

    func network(_ reason: Reason) -> [RemediationStep] {
        let host = s.reference?.host.apiHost ?? registry
        var commands = ["kubectl debug node/\(node) -it --image=busybox -- nslookup \(host.split(separator: ":").first.map(String.init) ?? host)"]
        if reason != .dns {
            commands.append("kubectl debug node/\(node) -it --image=busybox -- wget -q -T 5 --spider https://\(host)/v2/")
        }
        let title = reason == .dns ? "Check that \(node) resolves \(host)" : "Check that \(node) can reach \(host) (firewall, proxy, NetworkPolicy egress)"
        return [RemediationStep(title: title, commands: commands)]
    }

    func tls(_ reason: Reason) -> [RemediationStep] {
        let host = s.reference?.registry ?? registry
        if reason == .httpOnHTTPS {
            return [RemediationStep(title: "\(host) speaks plain HTTP: serve it over TLS, or declare it insecure in containerd on every node", commands: [
                "mkdir -p /etc/containerd/certs.d/\(host) && printf 'server = \"http://\(host)\"\\n[host.\"http://\(host)\"]\\n  capabilities = [\"pull\", \"resolve\"]\\n' > /etc/containerd/certs.d/\(host)/hosts.toml",
            ])]
        }
        return [
            RemediationStep(title: "Look at the certificate \(host) presents", commands: [
                "openssl s_client -connect \(host.contains(":") ? host : host + ":443") -servername \(host.split(separator: ":").first.map(String.init) ?? host) </dev/null | openssl x509 -noout -issuer -subject -dates",
            ]),
            RemediationStep(title: "Trust the registry's CA on every node (containerd)", commands: [
                "mkdir -p /etc/containerd/certs.d/\(host) && cp ca.crt /etc/containerd/certs.d/\(host)/ca.crt",
            ]),
        ]
    }

    func rateLimited(_ reason: Reason) -> [RemediationStep] {
        if reason == .kubeletPullQPS {
            return [RemediationStep(title: "The kubelet's own pull limit was hit on \(node): raise registryPullQPS/registryBurst in its KubeletConfiguration, or wait", commands: [
                "kubectl get --raw /api/v1/nodes/\(node)/proxy/configz | grep -i registry",
            ])]
        }
        return [RemediationStep(title: "Authenticate pulls from \(registry) (higher limits) or use a pull-through mirror", commands: [
            createSecret, attachSecret, restart,
        ])]
    }

    func invalidReference() -> [RemediationStep] {
        var fixed = "<registry>/<repository>:<tag>"
        if case .failure(let error) = s.file.imageReference?.result, let suggestion = error.suggestion { fixed = suggestion }
        return [RemediationStep(title: "Fix the image reference in \(workload)", commands: [setImage(fixed)])]
    }

    func platformMismatch() -> [RemediationStep] {
        let arch = s.file.node?.architecture ?? "<arch>"
        return [
            RemediationStep(title: "See which platforms \(image) has", commands: ["skopeo inspect --raw docker://\(image)"]),
            RemediationStep(title: "Build a variant for linux/\(arch), or keep \(workload) off \(arch) nodes", commands: [
                "docker buildx build --platform linux/amd64,linux/arm64 -t \(image) --push .",
                "kubectl -n \(ns) patch \(workload) -p '{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"kubernetes.io/arch\":\"amd64\"}}}}}'",
            ]),
        ]
    }

    func diskPressure() -> [RemediationStep] {
        [RemediationStep(title: "Free disk space on \(node)", commands: [
            "kubectl describe node \(node) | grep -A5 Conditions",
            "kubectl debug node/\(node) -it --image=busybox -- df -h /host/var/lib/containerd",
            "crictl rmi --prune  # on the node: remove unused images",
        ])]
    }

    func neverPull() -> [RemediationStep] {
        [RemediationStep(title: "Let the kubelet pull \(image), or load it onto \(node) first", commands: [
            "kubectl -n \(ns) patch \(workload) --type=strategic -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"\(container)\",\"imagePullPolicy\":\"IfNotPresent\"}]}}}}'",
        ])]
    }

    func policyRejected() -> [RemediationStep] {
        [RemediationStep(title: "An admission or signature policy rejects \(image): read the policy's message in the events", commands: [
            "kubectl -n \(ns) get events --field-selector involvedObject.name=\(s.file.podName)",
        ])]
    }

    func registryError() -> [RemediationStep] {
        [RemediationStep(title: "\(registry) answered with an error: check its status, then retry", commands: [
            "skopeo inspect docker://\(image)", restart,
        ])]
    }

    func unknown() -> [RemediationStep] { [lookAtPod] }
}
