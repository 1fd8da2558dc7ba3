import Testing
@testable import Diagnosis

/// Facts read from real corpus messages (named by a fragment), compared with what the text shows.
@Suite struct FactExtractionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let fragment: String
        let check: @Sendable (MessageFacts) -> Bool
        let what: String
        var testDescription: String { "\(what) in \(fragment)" }
    }

    static let cases: [Case] = [
        Case(fragment: "cvisionai/tator_online", check: {
            $0.image == "cvisionai/tator_online:b51d8990fc4c560c0a2c64d6ddd753aedb9bdeab" && $0.registryHost == "docker.io"
                && $0.registry == .dockerHub && $0.grpcCode == .notFound
        }, what: "short name, explicit docker.io host from the runtime's quote, NotFound code"),
        Case(fragment: "<registryname>.azurecr.io", check: {
            $0.registry == .acr && $0.httpStatus == 401 && $0.requestKind == .token && $0.credentialsSent == false
                && $0.endpointHost == "<registryname>.azurecr.io"
        }, what: "ACR anonymous token 401"),
        Case(fragment: "myacr.azurecr.io", check: {
            $0.image == "<redacted>" && $0.registryHost == "myacr.azurecr.io" && $0.httpStatus == 403
        }, what: "a placeholder image does not hide the runtime's host"),
        Case(fragment: "kagenti-client-registration", check: { $0.credentialsSent == true && $0.registry == .ghcr },
             what: "oauth token means credentials were sent"),
        Case(fragment: "ugsampleacr", check: { $0.credentialsSent == true && $0.grpcCode == .unknown },
             what: "the kubelet's list of errors means several credentials were tried"),
        Case(fragment: "k8s.gcr.io/kube-state-metrics", check: {
            $0.remoteAddress == "172.217.192.82:443" && $0.registry == .gcr && $0.requestKind == .manifest
        }, what: "dial address from an unquoted Go < 1.14 URL"),
        Case(fragment: "localhost:7439/gitlab.example.com-4567", check: {
            $0.remoteAddress == "[::1]:7439" && $0.kubeletReason == .registryUnavailable && $0.requestKind == .ping
        }, what: "IPv6 dial address and CRI-O's RegistryUnavailable"),
        Case(fragment: "harbor.ops.zebrium.com", check: { $0.remoteAddress == "52.38.X.X:443" && $0.requestKind == .blob },
             what: "remote side of read tcp A->B"),
        Case(fragment: "223.5.5.5:53", check: {
            $0.lookupHost == "image-registry.openshift-image-registry.svc" && $0.endpointHost?.hasPrefix("image-registry") == true
        }, what: "DNS lookup host"),
        Case(fragment: "127.0.0.1:65001", check: {
            $0.mirrorHost == "127.0.0.1:65001" && $0.registryHost == "harbor.nebula.com" && $0.httpStatus == 500
        }, what: "a mirror named by \"pulling from host\""),
        Case(fragment: "?ns=docker.io", check: { $0.mirrorHost == "docker.xxxxxx.xxx" && $0.httpStatus == 400 && $0.requestKind == .blob },
             what: "a mirror named by ?ns="),
        Case(fragment: "centos:latest", check: {
            $0.httpStatus == 429 && $0.registryErrorCode == .tooManyRequests && $0.endpointHost == "registry-1.docker.io"
        }, what: "429 and TOOMANYREQUESTS; the rate-limit documentation link is not the endpoint"),
        Case(fragment: "auth.docker.io/token?scope=repository%3Aeceasy", check: { $0.requestKind == .token && $0.endpointHost == "auth.docker.io" },
             what: "the token service is the failing endpoint"),
        Case(fragment: "pulling image: reading manifest v1.17.3", check: {
            $0.registry == .quay && $0.registryErrorCode == .unauthorized && $0.image == "quay.io/kubeedge/cloudcore:v1.17.3"
        }, what: "containers/image reading manifest T in R"),
        Case(fragment: "kubernetes-bootcamp:v10\": rpc error: code = Unknown desc = unauthorized", check: {
            $0.registry == .gcr && $0.registryErrorCode == .unauthorized
        }, what: "UNAUTHORIZED code"),
        Case(fragment: "tektoncd/triggers/github.com", check: { $0.kubeletReason == .errImagePull },
             what: "the kubelet reason inside a 1.32 back-off message"),
        Case(fragment: "docker://ubuntu:latest", check: { $0.image == "ubuntu:latest" && $0.registry == .dockerHub },
             what: "docker:// transport reference"),
        Case(fragment: "pull access denied for dagster", check: { $0.image == "dagster" && $0.registryHost == "docker.io" },
             what: "Docker's unquoted pull-access-denied reference"),
        Case(fragment: "Your Authorization Token has expired", check: { $0.httpStatus == 403 && $0.registry == .ecr },
             what: "status from \"error parsing HTTP 403 response body\" and ECR from its wording"),
        Case(fragment: "API error (500)", check: { $0.httpStatus == nil },
             what: "the Docker API's own status is not the registry's"),
        Case(fragment: "(HTTP code 500) server error", check: { $0.httpStatus == nil && $0.registryErrorCode == .denied },
             what: "dockerode's status is not the registry's"),
    ]

    @Test(arguments: cases)
    func factsMatchTheText(_ example: Case) throws {
        let entry = try #require(MessageCorpus.entry(containing: example.fragment),
                                 "no single corpus entry contains \"\(example.fragment)\"")
        let facts = NormalizedMessage(entry.message).facts
        #expect(example.check(facts), "\(facts)")
    }

    @Test func emptyMessageHasNoFacts() {
        #expect(NormalizedMessage("").facts == MessageFacts())
    }
}
