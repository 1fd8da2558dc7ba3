import Diagnosis
import Foundation
import Store
import Testing

/// `GET /api/v1/incidents` and `GET /api/v1/diagnoses/{id}`: shapes, filters, paging, errors.
@Suite struct APITests {
    static func fill(_ store: Store) async throws {
        try await KnownIncident.store(into: store)
        try await HostileIncident.store(into: store, at: KnownIncident.firing.addingTimeInterval(600))
    }

    static let incidentKeys: Set<String> = [
        "id", "namespace", "owner_kind", "owner_name", "image", "status", "episode", "first_seen", "last_seen",
        "resolved_at", "category", "reason", "diagnosis_id", "diagnosis_url",
    ]

    @Test func incidentListShapeAndAbsoluteLinks() async throws {
        try await PagesServer.with(externalURL: "https://pulldoctor.example.com/", fill: Self.fill) { server in
            let response = try await server.get("/api/v1/incidents")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(Set(object.keys) == ["incidents", "total", "limit", "offset", "next_offset"])
            #expect(object["total"] as? Int == 3)
            #expect(object["limit"] as? Int == 50)
            #expect(object["next_offset"] is NSNull)
            let incidents = try #require(object["incidents"] as? [[String: Any]])
            #expect(incidents.count == 3)
            for incident in incidents { #expect(Set(incident.keys) == Self.incidentKeys) }
            let web = try #require(incidents.first { $0["owner_name"] as? String == "web" })
            #expect(web["id"] as? String == "shop/Deployment/web/\(KnownIncident.image)")
            #expect(web["status"] as? String == "firing")
            #expect(web["category"] as? String == "image_not_found")
            #expect(web["reason"] as? String == "tag_not_found")
            #expect(web["resolved_at"] is NSNull)
            #expect(web["first_seen"] as? String == "2026-11-21T19:16:44Z")
            #expect(web["diagnosis_url"] as? String == "https://pulldoctor.example.com/diagnoses/\(KnownIncident.diagnosisID)")
            // An id no link can be made from gets no URL, but keeps its id.
            let other = try #require(incidents.first { $0["namespace"] as? String == "other" })
            #expect(other["diagnosis_id"] as? String == HostileIncident.badDiagnosisID)
            #expect(other["diagnosis_url"] is NSNull)
        }
    }

    @Test func filtersAndPaging() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            func ids(_ query: String) async throws -> [String] {
                let (status, object) = try await server.json("/api/v1/incidents?" + query)
                #expect(status == 200, "\(query)")
                return (object["incidents"] as? [[String: Any]] ?? []).compactMap { $0["owner_name"] as? String }
            }
            #expect(try await ids("category=image_not_found") == ["web"])
            #expect(try await ids("category=registry_auth") == [HostileIncident.ownerName])
            #expect(try await ids("namespace=shop") == ["web"])
            #expect(try await ids("q=v2.1-MISSING") == ["web"], "search is case-insensitive")
            #expect(try await ids("q=tag_not") == ["web"], "search covers the reason")
            #expect(try await ids("status=resolved").isEmpty)

            try await server.store.resolveIncident(id: "shop/Deployment/web/\(KnownIncident.image)",
                                                   at: KnownIncident.firing.addingTimeInterval(7200))
            #expect(try await ids("status=resolved") == ["web"])
            #expect(try await ids("status=firing").count == 2)

            let (_, first) = try await server.json("/api/v1/incidents?limit=2")
            #expect((first["incidents"] as? [Any])?.count == 2)
            #expect(first["next_offset"] as? Int == 2)
            let (_, second) = try await server.json("/api/v1/incidents?limit=2&offset=2")
            #expect((second["incidents"] as? [Any])?.count == 1)
            #expect(second["next_offset"] is NSNull)
            #expect(second["offset"] as? Int == 2)
        }
    }

    @Test(arguments: ["status=bogus", "category=nope", "limit=0", "limit=501", "limit=x", "offset=-1"])
    func badFiltersAreRejected(query: String) async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let (status, object) = try await server.json("/api/v1/incidents?" + query)
            #expect(status == 400)
            #expect(object["status"] as? String == "error")
            #expect((object["error"] as? String)?.isEmpty == false)
        }
    }

    @Test func diagnosisDetailCarriesTheReportIncidentTimelineAndDeliveries() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let response = try await server.get("/api/v1/diagnoses/\(KnownIncident.diagnosisID)")
            #expect(response.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(Set(object.keys) == ["diagnosis", "report_error", "incident", "current", "url", "timeline",
                                         "deliveries", "diagnoses"])
            #expect(object["current"] as? Bool == true)
            #expect(object["report_error"] is NSNull)
            #expect(object["url"] as? String == "/diagnoses/\(KnownIncident.diagnosisID)")

            // `diagnosis` is the documented report JSON: it decodes back to the stored report.
            let body = try JSONSerialization.data(withJSONObject: try #require(object["diagnosis"]))
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let report = try decoder.decode(DiagnosisReport.self, from: body)
            #expect(report == (try KnownIncident.report()))

            let incident = try #require(object["incident"] as? [String: Any])
            #expect(Set(incident.keys) == Self.incidentKeys)
            let kinds = (object["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["alert_firing", "incident_opened", "diagnosed", "delivery", "delivery", "alert_resent"],
                    "\(kinds)")
            let deliveries = try #require(object["deliveries"] as? [[String: Any]])
            #expect(deliveries.count == 1)
            let delivery = deliveries[0]
            #expect(delivery["sink"] as? String == "slack-oncall")
            #expect(delivery["status"] as? String == "delivered")
            #expect(delivery["attempts"] as? Int == 2)
            #expect(delivery["next_attempt_at"] is NSNull)
            let log = try #require(delivery["attempt_log"] as? [[String: Any]])
            #expect(log.map { $0["result"] as? String } == ["retry", "delivered"])
            #expect(log.map { $0["http_status"] as? Int } == [503, 200])
            #expect(log.map { $0["duration_ms"] as? Int } == [120, 80])
            let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
            #expect(diagnoses.map { $0["id"] as? String } == [KnownIncident.diagnosisID])
        }
    }

    @Test func undecodableReportIsReportedNotHidden() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            // Stored with a valid id this time, so the route reaches the body.
            let identity = IncidentIdentity(id: "ops/Pod/job/registry.example.com/job:1", namespace: "ops",
                                            ownerKind: "Pod", ownerName: "job", image: "registry.example.com/job:1")
            _ = try await server.store.attach(alertIDs: [], to: identity)
            try await server.store.saveDiagnosis(DiagnosisRecord(
                id: "garbled", incidentID: identity.id, createdAt: KnownIncident.firing, category: "network",
                reason: "dns", confidence: "high", partial: false, body: Data("not json".utf8)))
            let (status, object) = try await server.json("/api/v1/diagnoses/garbled")
            #expect(status == 200)
            #expect(object["report_error"] as? String == "it is not valid JSON")
            let diagnosis = try #require(object["diagnosis"] as? [String: Any])
            #expect(diagnosis["category"] as? String == "network")
            #expect(diagnosis["reason"] as? String == "dns")
        }
    }

    @Test(arguments: ["/api/v1/diagnoses/unknown", "/api/v1/diagnoses/.x", "/api/v1/diagnoses/a%22b"])
    func unknownDiagnosisIs404(path: String) async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let (status, object) = try await server.json(path)
            #expect(status == 404)
            #expect(object["status"] as? String == "error")
        }
    }
}
