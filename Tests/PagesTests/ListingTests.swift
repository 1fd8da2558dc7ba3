import Foundation
@testable import Pages
import Store
import Testing

/// The list page's filters, counts and pages, and the query strings behind them.
@Suite struct ListingTests {
    /// The known incident plus `extra` undiagnosed incidents in namespace `batch`, each a minute apart.
    static func fill(extra: Int) -> @Sendable (Store) async throws -> Void {
        { store in
            try await KnownIncident.store(into: store)
            for index in 0..<extra {
                let identity = IncidentIdentity(
                    id: "batch/Job/job-\(index)/registry.example.com/batch:\(index)", namespace: "batch", ownerKind: "Job",
                    ownerName: "job-\(index)", image: "registry.example.com/batch:\(index)")
                _ = try await store.attach(alertIDs: [], to: identity, at: KnownIncident.firing.addingTimeInterval(Double(60 * index)))
            }
        }
    }

    @Test func pagesOfTwentyFive() async throws {
        try await PagesServer.with(fill: Self.fill(extra: 29)) { server in
            let first = try await server.get("/").text
            #expect(first.contains("Showing 1–25 of 30, most recent activity first."))
            #expect(first.contains("Page 1 of 2"))
            #expect(first.contains("<a href=\"/?page=2\" rel=\"next\">Next page</a>"))
            #expect(!first.contains("rel=\"prev\""))
            #expect(first.components(separatedBy: "<th scope=\"row\">").count - 1 == 25)

            let second = try await server.get("/?page=2").text
            #expect(second.contains("Showing 26–30 of 30"))
            #expect(second.contains("<a href=\"/\" rel=\"prev\">Previous page</a>"))
            #expect(!second.contains("rel=\"next\""))
            #expect(second.components(separatedBy: "<th scope=\"row\">").count - 1 == 5)
            // Newest activity first: the oldest batch job is last of all.
            #expect(second.contains("batch/job-0<br>"))
            #expect(!first.contains("batch/job-0<br>"))
            #expect(second.contains("Not diagnosed yet<span class=\"count\">29</span>"))

            let past = try await server.get("/?page=9")
            #expect(past.status == 200)
            #expect(past.text.contains("This page is past the last incident (30 in all)."))
            let bad = try await server.get("/?page=zero").text
            #expect(bad.contains("page must be a whole number from 1, not &quot;zero&quot;"))
            #expect(bad.contains("Showing 1–25 of 30"))
        }
    }

    @Test func filtersNarrowTheListAndKeepTheFormFilled() async throws {
        try await PagesServer.with(fill: Self.fill(extra: 3)) { server in
            let byCategory = try await server.get("/?category=image_not_found").text
            #expect(byCategory.contains("shop/web</a>"))
            #expect(!byCategory.contains("batch/job-"))
            #expect(byCategory.contains("<option value=\"image_not_found\" selected>Image not found</option>"))
            #expect(byCategory.contains("<a href=\"/?category=image_not_found\" aria-current=\"true\">Image not found"))

            let byNamespace = try await server.get("/?namespace=batch&status=firing").text
            #expect(byNamespace.components(separatedBy: "<th scope=\"row\">").count - 1 == 3)
            #expect(byNamespace.contains("value=\"batch\""))
            #expect(byNamespace.contains("<option value=\"firing\" selected>Failing now</option>"))
            // The page links keep the other filters.
            #expect(byNamespace.contains("href=\"/?status=resolved&amp;namespace=batch\""))

            let search = try await server.get("/?q=job-1&namespace=").text
            #expect(search.contains("batch/job-1<br>"))
            #expect(!search.contains("batch/job-2<br>"))
            #expect(search.contains("value=\"job-1\""))
            // A form sends spaces as "+": the filter must see a space, not a plus.
            let spaced = try await server.get("/?q=job-1+x").text
            #expect(spaced.contains("value=\"job-1 x\""))

            let none = try await server.get("/?q=no-such-thing").text
            #expect(none.contains("No incident matches these filters."))
            #expect(!none.contains("<table"))

            try await server.store.resolveIncident(id: "shop/Deployment/web/\(KnownIncident.image)")
            let resolved = try await server.get("/?status=resolved").text
            #expect(resolved.contains("<span class=\"badge resolved\">Resolved</span>"))
            #expect(resolved.contains("shop/web</a>"))
            let overview = try await server.get("/").text
            #expect(overview.contains("3 failing now and 1 resolved."))
        }
    }

    @Test func emptyStoreSaysSo() async throws {
        try await PagesServer.with { server in
            let html = try await server.get("/").text
            #expect(html.contains("No image-pull incident so far."))
            #expect(html.contains("No incident yet: PullDoctor has not received an image-pull alert."))
        }
    }

    @Test(arguments: [
        ("q=a+b%2Bc", "q", "a b+c"),
        ("namespace=%E6%97%A5%E6%9C%AC", "namespace", "日本"),
        ("q=%ZZ", "q", "%ZZ"),
        ("x=1&q=&q=second", "q", nil),
        ("q=%20%20padded%20", "q", "padded"),
    ] as [(String, String, String?)])
    func queryStringParsing(raw: String, name: String, expected: String?) {
        #expect(QueryString(parsing: raw).value(name) == expected)
    }

    @Test func queryStringEncodingRoundTrips() {
        var query = QueryString()
        let hostile = "a&b=c#d?e+f \"<x>\" 日本"
        query.append("q", hostile)
        query.append("empty", "")
        query.append("status", "firing")
        #expect(query.encoded == "q=a%26b%3Dc%23d%3Fe%2Bf%20%22%3Cx%3E%22%20%E6%97%A5%E6%9C%AC&status=firing")
        #expect(QueryString(parsing: query.encoded).value("q") == hostile)
        #expect(query.url(path: "/") == "/?" + query.encoded)
        #expect(QueryString().url(path: "/") == "/")
    }

    @Test(arguments: [
        ("3f6c1c1e-8d8a-4f43-9a55-2a8f0e1d7b21", true), ("a", true), ("A.b_c-9", true),
        ("", false), (".", false), ("..", false), (".hidden", false), ("a/b", false), ("a b", false),
        ("a%2F", false), ("<script>", false), ("é", false), (String(repeating: "a", count: 129), false),
        (String(repeating: "a", count: 128), true),
    ] as [(String, Bool)])
    func diagnosisIDValidation(id: String, valid: Bool) {
        #expect(PageLinks.isValidID(id) == valid)
        #expect((PageLinks.diagnosis(id) != nil) == valid)
    }
}
