import Testing
@testable import Diagnosis

/// The public vocabulary: exact category names, every reason documented once, in one category.
@Suite struct VocabularyTests {
    @Test func categoriesAreExactlyTheDocumentedOnes() {
        #expect(Category.allCases.map(\.rawValue) == [
            "registry_auth", "image_not_found", "auth_or_not_found", "network", "tls", "rate_limited",
            "invalid_reference", "platform_mismatch", "disk_pressure", "never_pull", "policy_rejected",
            "registry_error", "unknown",
        ])
    }

    @Test func everyReasonIsDocumentedOnceInDeclarationOrder() {
        #expect(Reason.documentation.map(\.reason) == Reason.allCases)
        for row in Reason.documentation {
            #expect(!row.meaning.isEmpty && !row.firstStep.isEmpty, "\(row.reason)")
        }
    }

    @Test func reasonNamesAreSnakeCase() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz_")
        for reason in Reason.allCases {
            #expect(reason.rawValue.allSatisfy(allowed.contains), "\(reason.rawValue)")
            #expect(!reason.rawValue.hasPrefix("_") && !reason.rawValue.hasSuffix("_"))
        }
    }

    @Test func everyCategoryHasAReasonAndReasonsAreGroupedByCategory() {
        for category in Category.allCases {
            #expect(!Reason.reasons(in: category).isEmpty, "\(category)")
        }
        // Declaration order groups reasons by category, as the README table does.
        var seen: [Category] = []
        for reason in Reason.allCases where seen.last != reason.category {
            #expect(!seen.contains(reason.category), "\(reason) is declared away from its category")
            seen.append(reason.category)
        }
    }

    @Test func theBriefsReasonsExist() {
        let named = [
            "dns", "connection_refused", "timeout", "proxy", "unknown_authority", "name_mismatch", "expired_certificate",
            "http_on_https", "no_pull_secret", "pull_secret_missing", "pull_secret_wrong_registry", "pull_secret_malformed",
            "credentials_rejected", "auth_required", "token_expired", "tag_not_found", "repository_not_found",
            "digest_not_found", "manifest_unknown", "scheme_in_reference", "invalid_format", "uppercase_in_reference",
            "no_matching_platform", "node_disk_pressure", "no_space_left", "never_pull_not_present", "kubelet_pull_qps",
            "registry_rate_limit", "server_error", "forbidden", "signature_policy", "admission_denied", "unrecognized",
        ]
        for name in named { #expect(Reason(rawValue: name) != nil, "\(name)") }
        #expect(Reason.kubeletPullQPS.category == .rateLimited)
        #expect(Reason.noCauseInMessage.category == .unknown)
    }

    @Test func markdownTableHasARowPerReason() {
        let table = ReasonDocumentation.markdownTable()
        let rows = table.split(separator: "\n").dropFirst(2)
        #expect(rows.count == Reason.allCases.count)
        #expect(rows.first?.hasPrefix("| `no_pull_secret` | `registry_auth` | evidence |") == true)
    }

    @Test func confidenceIsOrdered() {
        #expect(Confidence.low < .medium && Confidence.medium < .high)
    }

    @Test func registryFamiliesFromHostNames() {
        #expect(RegistryFamily(host: "registry-1.docker.io") == .dockerHub)
        #expect(RegistryFamily(host: "123456789012.dkr.ecr.eu-west-1.amazonaws.com") == .ecr)
        #expect(RegistryFamily(host: "europe-west3-docker.pkg.dev") == .artifactRegistry)
        #expect(RegistryFamily(host: "k8s.gcr.io") == .gcr)
        #expect(RegistryFamily(host: "MyAcr.AzureCR.io") == .acr)
        #expect(RegistryFamily(host: "quay.io:443") == .quay)
        #expect(RegistryFamily(host: "localhost:5000") == .other)
        #expect(RegistryFamily(host: "") == .unknown)
        #expect(RegistryFamily.ghcr.hidesMissingRepositories && !RegistryFamily.ecr.hidesMissingRepositories)
    }
}
