// A running hub with the role-matrix officers registered and a portal key: the fixture most hub tests share.
#pragma once

#include <map>
#include <memory>

#include "hub_harness.h"

namespace jaanch::hub::test {

struct World {
    HubProcess hub;
    std::string portal_key;
    std::unique_ptr<HttpClient> client;
    std::map<std::string, std::unique_ptr<OfficerSession>> sessions;

    explicit World(const std::vector<std::string>& serve_args = {}) {
        for (const auto& o : world_officers())
            hub.add_officer(o);
        portal_key = hub.add_portal();
        hub.start(serve_args);
        client = std::make_unique<HttpClient>(hub.client());
    }

    OfficerSession& as(const std::string& id) {
        auto& s = sessions[id];
        if (!s) {
            for (const auto& o : world_officers()) {
                if (o.id == id)
                    s = std::make_unique<OfficerSession>(*client, o);
            }
        }
        if (!s)
            throw std::runtime_error("no officer " + id);
        return *s;
    }

    // Files an application through the portal API; returns the HTTP answer.
    HttpResponse ingest(const std::string& number, const std::string& subdistrict = "1001",
                        const std::string& area = "rural", const std::string& reason = "marriage") {
        const auto docs = sample_documents(number);
        return client->multipart(
            "/v1/portal/applications",
            ingest_parts(deletion_application(number, subdistrict, area, reason, docs), docs),
            {bearer(portal_key)});
    }

    Json application(const std::string& officer, const std::string& number) {
        const auto r = as(officer).get("/v1/applications/" + url_escape(number));
        if (r.status != 200)
            throw std::runtime_error("GET " + number + " as " + officer + ": " + r.body);
        return r.json();
    }

    std::uint64_t version_of(const std::string& officer, const std::string& number) {
        return application(officer, number)["application"]["version"].get<std::uint64_t>();
    }

    Json health() { return Json::parse(client->request("GET", "/v1/health").body); }
};

}  // namespace jaanch::hub::test
